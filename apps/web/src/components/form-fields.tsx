// The form pieces every page shares: a labelled control with the server's complaint about it
// underneath (data.fieldErrors), a form's own error when no field is to blame, and the filter
// bar's label + control pairs. One markup, so the pages look and read alike to a screen reader.
import type { InputHTMLAttributes, ReactNode } from 'react';
import { errorMessage } from '../lib/errors';

interface FieldProps {
  label: string;
  /** The server's message about this field, shown under it. */
  error?: string | undefined;
  /**
   * When set, the message carries this id and is hidden from the label's name: the control
   * points at it with aria-describedby instead.
   */
  errorId?: string;
  className?: string;
  children: ReactNode;
}

export function Field({ label, error, errorId, className, children }: FieldProps) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span>{label}</span>
      {children}
      {error &&
        (errorId ? (
          <small id={errorId} className="field-error" aria-hidden="true">
            {error}
          </small>
        ) : (
          <small className="field-error">{error}</small>
        ))}
    </label>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'>;

/**
 * A labelled input of text (or a date) with the server's complaint about it underneath, marked
 * invalid while there is one. Whatever else an input takes (maxLength, type...) passes through.
 */
export function TextField({
  label,
  error,
  className,
  value,
  onChange,
  ...input
}: InputProps & {
  label: string;
  error?: string | undefined;
  className?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error} className={className}>
      <input
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
      />
    </Field>
  );
}

/** The error of a whole form, shown only when no field error explains it. */
export function FormError({ error, fields }: { error: unknown; fields: object }) {
  if (error === null || error === undefined || Object.keys(fields).length > 0) return null;
  return (
    <p className="form-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}

/** A filter bar entry: the visible label is decoration, the control carries its own name. */
export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="filter-field">
      <span className="filter-label" aria-hidden="true">
        {label}
      </span>
      {children}
    </label>
  );
}

export interface Choice {
  value: string | number;
  label: string;
}

export function FilterSelect(props: {
  label: string;
  /** The select's accessible name; the label by default. */
  name?: string;
  value: string | number;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}) {
  return (
    <FilterField label={props.label}>
      <select
        aria-label={props.name ?? props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

export function FilterDate(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <FilterField label={props.label}>
      <input
        aria-label={props.label}
        type="date"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FilterField>
  );
}

/** An editor's closing row: anything `children` adds on the left, then Cancel and Save. */
export function SaveActions(props: {
  saving: boolean;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="modal-actions">
      {props.children}
      <button type="button" className="button" onClick={props.onCancel}>
        Cancel
      </button>
      <button type="submit" className="button primary" disabled={props.saving}>
        Save
      </button>
    </div>
  );
}
