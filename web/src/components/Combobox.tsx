import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from './Field.tsx';

export interface ComboboxOption {
  value: string;
  label: string;
}

/** Lower case without accents, so that "turk" finds "Türkisch" and "ελλ" finds "Ελληνικά". */
function fold(text: string, locale: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
}

/**
 * The options a typed text matches, in their given order: names that start with it first, then
 * names that contain it (a code typed exactly, "ar", matches too). An empty text matches all.
 */
export function matchOptions<T extends ComboboxOption>(
  options: readonly T[],
  query: string,
  locale: string,
): T[] {
  const q = fold(query.trim(), locale);
  if (!q) return [...options];
  const starts: T[] = [];
  const contains: T[] = [];
  for (const option of options) {
    const label = fold(option.label, locale);
    if (label.startsWith(q) || option.value.toLowerCase() === q) starts.push(option);
    else if (label.includes(q)) contains.push(option);
  }
  return [...starts, ...contains];
}

interface ComboboxProps {
  label: string;
  /** The id of the input when a field frame around it renders the label. */
  inputId?: string;
  /** Shown only to screen readers (a field whose heading already says what it is). */
  labelHidden?: boolean;
  options: readonly ComboboxOption[];
  /** The chosen value ('' for none); the input shows its label while not being typed in. */
  value?: string;
  onChange: (value: string) => void;
  /** Submitted with the form under this name (a hidden input with the chosen value). */
  name?: string;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
  /** After a choice the text is emptied (adding to a list) instead of showing the choice. */
  clearOnSelect?: boolean;
  /** Told the typed text (a picker that asks the server for options matching it). */
  onTextChange?: (text: string) => void;
}

/**
 * A searchable list (WAI-ARIA combobox with a list box popup): type to filter, ArrowDown/ArrowUp
 * move, Enter chooses, Escape closes (or empties the text), a click chooses. Works with a phone's
 * keyboard too: the list is a plain scrolling box under the field.
 */
export function Combobox({
  label,
  inputId,
  labelHidden = false,
  options,
  value = '',
  onChange,
  name,
  placeholder,
  describedBy,
  invalid,
  clearOnSelect = false,
  onTextChange,
}: ComboboxProps) {
  const { t, i18n } = useTranslation();
  const ownId = useId();
  const id = inputId ?? ownId;
  const listId = `${id}-list`;
  const chosenLabel = options.find((o) => o.value === value)?.label ?? '';
  const [text, setText] = useState(clearOnSelect ? '' : chosenLabel);
  const [typing, setTyping] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const locale = i18n.language || 'en';

  // A value changed from outside (a reset form, a new language) shows its own label.
  useEffect(() => {
    if (!typing && !clearOnSelect) setText(chosenLabel);
  }, [chosenLabel, typing, clearOnSelect]);

  const matches = useMemo(
    () => matchOptions(options, typing ? text : '', locale),
    [options, text, typing, locale],
  );
  const activeOption = open ? matches[active] : undefined;

  useEffect(() => {
    if (!open || !activeOption) return;
    const node = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    node?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active, activeOption]);

  function choose(option: ComboboxOption) {
    onChange(option.value);
    setText(clearOnSelect ? '' : option.label);
    setTyping(false);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      if (!open) {
        setOpen(true);
        setActive(down ? 0 : Math.max(matches.length - 1, 0));
        return;
      }
      if (matches.length === 0) return;
      setActive((i) => (down ? (i + 1) % matches.length : (i - 1 + matches.length) % matches.length));
    } else if (event.key === 'Enter') {
      if (open && activeOption) {
        event.preventDefault();
        choose(activeOption);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else if (text) {
        event.preventDefault();
        setText('');
        setTyping(true);
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  return (
    <div className="combobox">
      {!inputId && (
        <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
          {label}
        </label>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onTextChange?.(event.target.value);
          setTyping(true);
          setOpen(true);
          setActive(0);
        }}
        onFocus={(event) => event.currentTarget.select()}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setTyping(false);
          if (!clearOnSelect) setText(chosenLabel);
          else setText('');
        }}
      />
      {name && <input type="hidden" name={name} value={value} />}
      <div
        id={listId}
        ref={listRef}
        role="listbox"
        aria-label={label}
        className="combobox-list"
        hidden={!open}
      >
        {open &&
          matches.map((option, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works from the input (aria-activedescendant), as the combobox pattern says.
            <div
              key={option.value}
              tabIndex={-1}
              id={`${id}-opt-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              className="combobox-option"
              // Keeps the focus in the input, so that the blur does not close the list before the click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.label}
            </div>
          ))}
        {open && matches.length === 0 && (
          <div
            className="combobox-empty"
            aria-disabled="true"
            role="option"
            aria-selected={false}
            tabIndex={-1}
          >
            {t('forms.no_match')}
          </div>
        )}
      </div>
    </div>
  );
}

interface ComboboxFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly ComboboxOption[];
  defaultValue?: string;
  /** Controlled use; without it the field keeps its own choice for the form. */
  value?: string;
  onChange?: (value: string) => void;
}

/** A form field (label, hint, error) whose input is a searchable combobox; submits the chosen value. */
export function ComboboxField({
  name,
  label,
  hint,
  error,
  options,
  defaultValue = '',
  value,
  onChange,
}: ComboboxFieldProps) {
  const [own, setOwn] = useState(defaultValue);
  const chosen = value ?? own;
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <Combobox
          inputId={id}
          label={label}
          name={name}
          options={options}
          value={chosen}
          describedBy={describedBy}
          invalid={invalid}
          onChange={(next) => {
            if (value === undefined) setOwn(next);
            onChange?.(next);
          }}
        />
      )}
    </FieldFrame>
  );
}
