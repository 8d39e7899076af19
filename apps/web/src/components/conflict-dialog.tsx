// Shown when a save answered CONFLICT: the server's current version next to mine, field by
// field. "Keep mine" writes mine over theirs; "Use theirs" drops my edit.
import { Modal } from './modal';

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

interface Props {
  what: string;
  fields: ConflictField[];
  onKeepMine: () => void;
  onUseTheirs: () => void;
}

export function ConflictDialog({ what, fields, onKeepMine, onUseTheirs }: Props) {
  return (
    <Modal title={`This ${what} changed elsewhere`} onClose={onUseTheirs} mustAnswer wide>
      <p className="muted">
        Someone (maybe you, in another tab or device) saved a newer version while you were editing.
        Choose which to keep.
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Theirs (saved)</th>
            <th scope="col">Mine</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.label} className={field.mine === field.theirs ? '' : 'differs'}>
              <th scope="row">{field.label}</th>
              <td>{field.theirs || '—'}</td>
              <td>{field.mine || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button className="button" onClick={onUseTheirs}>
          Use theirs
        </button>
        <button className="button primary" onClick={onKeepMine}>
          Keep mine
        </button>
      </div>
    </Modal>
  );
}
