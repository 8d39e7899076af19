// The frame of an editor on useConflictSave: a modal with the form (Enter saves), the error no
// field explains, the fields, Cancel and Save; and, once a save ran into a version saved
// elsewhere, the conflict dialog over it.
import type { ConflictSave } from '@repo/client/react';
import type { ReactNode } from 'react';
import { type ConflictField, ConflictDialog } from './conflict-dialog';
import { FormError, SaveActions } from './form-fields';
import { Modal } from './modal';

interface Props<T> {
  title: string;
  /** What the conflict dialog calls the row: "task", "asset". */
  what: string;
  saver: ConflictSave<T>;
  /** The server's complaints by field: the form's own error shows only when none explains it. */
  fieldErrors: object;
  conflictFields: (theirs: T) => ConflictField[];
  /** After the person dropped their edit for the saved version. */
  onUseTheirs: (theirs: T) => void;
  onClose: () => void;
  /** Shown left of Cancel and Save. */
  actions?: ReactNode;
  children: ReactNode;
}

export function EditorModal<T>(props: Props<T>) {
  const { saver } = props;
  const theirs = saver.theirs;
  return (
    <>
      <Modal title={props.title} onClose={props.onClose} wide>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saver.save();
          }}
        >
          <FormError error={saver.error} fields={props.fieldErrors} />
          {props.children}
          <SaveActions saving={saver.saving} onCancel={props.onClose}>
            {props.actions}
          </SaveActions>
        </form>
      </Modal>
      {theirs !== null && (
        <ConflictDialog
          what={props.what}
          fields={props.conflictFields(theirs)}
          onKeepMine={() => void saver.keepMine()}
          onUseTheirs={() => {
            saver.takeTheirs();
            props.onUseTheirs(theirs);
          }}
        />
      )}
    </>
  );
}
