import { type ReactNode, useId } from 'react';
import { Combobox, type ComboboxOption } from './Combobox.tsx';

export interface PickedChip {
  /** The value the chip stands for (sent as a hidden input when the picker has a `name`). */
  value: string;
  label: ReactNode;
  /** The remove button's accessible name ("Remove Arabic"). */
  removeLabel: string;
}

interface ChipPickerProps {
  legend: string;
  hint?: string;
  error?: string;
  chips: readonly PickedChip[];
  /** The list's accessible name, where the legend alone does not say what the chips are. */
  chipsLabel?: string;
  onRemove: (value: string) => void;
  /** The combobox that adds one: its (hidden) label and placeholder, what it offers, the choice. */
  addLabel: string;
  options: readonly ComboboxOption[];
  onAdd: (value: string) => void;
  onTextChange?: (text: string) => void;
  /** Given, each chosen value is sent as a hidden input of this name. */
  name?: string;
}

/**
 * Several chosen values in a fieldset: removable chips and a searchable combobox that adds one
 * (keyboard: type, arrows, Enter), with the field's hint and error tied to both.
 */
export function ChipPicker({
  legend,
  hint,
  error,
  chips,
  chipsLabel,
  onRemove,
  addLabel,
  options,
  onAdd,
  onTextChange,
  name,
}: ChipPickerProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {chips.length > 0 && (
        <ul className="chips" aria-label={chipsLabel}>
          {chips.map((chip) => (
            <li key={chip.value} className="chip">
              <bdi>{chip.label}</bdi>
              {name && <input type="hidden" name={name} value={chip.value} />}
              <button
                type="button"
                className="chip-remove"
                aria-label={chip.removeLabel}
                onClick={() => onRemove(chip.value)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox
        label={addLabel}
        labelHidden
        placeholder={addLabel}
        clearOnSelect
        describedBy={describedBy}
        invalid={Boolean(error)}
        onTextChange={onTextChange}
        options={options}
        onChange={(value) => {
          if (value) onAdd(value);
        }}
      />
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
