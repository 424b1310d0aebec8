/** @jsxImportSource preact */
import { SCALE_MAX, SCALE_MIN, type AnswerValue, type PublicQuestion } from '@capacites/domain';
import { format, fr } from './messages';
import { textLimit } from './validate';

interface Props {
  question: PublicQuestion & { anonymous?: boolean };
  value: AnswerValue | undefined;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: AnswerValue) => void;
}

/** Ids of one question's parts: the input (or first option) the error summary links to. */
export const fieldId = (questionId: string) => `q-${questionId}`;
const helpId = (questionId: string) => `q-${questionId}-help`;
const errorId = (questionId: string) => `q-${questionId}-error`;

const SCALE = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);

/**
 * One question, as native controls: a fieldset whose legend is the question for the kinds
 * answered by choosing, a labelled field for texts. Its help and its error are tied to each
 * control (aria-describedby), the control marked invalid while the error shows (RGAA 11.10).
 */
export const QuestionField = ({ question, value, error, disabled, onChange }: Props) => {
  const id = question.id;
  const hasHelp = question.help.trim() !== '' || question.anonymous === false || textLimit(question) !== null;
  const describedBy =
    [hasHelp ? helpId(id) : null, error ? errorId(id) : null].filter(Boolean).join(' ') || undefined;
  const invalid = error ? 'true' : undefined;
  const title = (
    <>
      {question.label}
      {question.required ? <span class="required"> ({fr.required})</span> : null}
    </>
  );
  const help = hasHelp ? (
    <div id={helpId(id)} class="help">
      {question.help.trim() ? <p style="margin:0">{question.help}</p> : null}
      {question.anonymous === false ? <p style="margin:0">{fr.nominative}</p> : null}
      {textLimit(question) !== null ? (
        <p style="margin:0">{format(fr.charactersLeft, { count: textLimit(question) ?? 0 })}</p>
      ) : null}
    </div>
  ) : null;
  const errorText = error ? (
    <p id={errorId(id)} class="error">
      {error}
    </p>
  ) : null;

  if (question.kind === 'shortText' || question.kind === 'longText') {
    const common = {
      id: fieldId(id),
      name: id,
      value: typeof value === 'string' ? value : '',
      maxLength: textLimit(question) ?? undefined,
      disabled,
      'aria-describedby': describedBy,
      'aria-invalid': invalid,
      'aria-required': question.required ? 'true' : undefined,
      onInput: (event: Event) => onChange((event.currentTarget as HTMLInputElement).value),
    } as const;
    return (
      <div class={`question${error ? ' invalid' : ''}`} data-question={id}>
        <label for={fieldId(id)}>{title}</label>
        {help}
        {errorText}
        {question.kind === 'shortText' ? (
          <input type="text" {...common} />
        ) : (
          <textarea rows={5} {...common} />
        )}
      </div>
    );
  }

  const options: { key: string; label: string; checked: boolean; pick: () => AnswerValue }[] =
    question.kind === 'scale'
      ? SCALE.map((n) => ({
          key: String(n),
          label:
            n === SCALE_MIN && question.minLabel
              ? `${n} — ${question.minLabel}`
              : n === SCALE_MAX && question.maxLabel
                ? `${n} — ${question.maxLabel}`
                : String(n),
          checked: value === n,
          pick: () => n,
        }))
      : question.kind === 'yesNo'
        ? [
            { key: 'yes', label: fr.yes, checked: value === true, pick: () => true },
            { key: 'no', label: fr.no, checked: value === false, pick: () => false },
          ]
        : question.options.map((option, index) => {
            const chosen = Array.isArray(value) ? value : [];
            return {
              key: String(index),
              label: option,
              checked: question.kind === 'multipleChoice' ? chosen.includes(option) : value === option,
              pick: () =>
                question.kind === 'multipleChoice'
                  ? chosen.includes(option)
                    ? chosen.filter((o) => o !== option)
                    : question.options.filter((o) => o === option || chosen.includes(o))
                  : option,
            };
          });
  const type = question.kind === 'multipleChoice' ? 'checkbox' : 'radio';
  return (
    <fieldset class={error ? 'invalid' : undefined} data-question={id} aria-describedby={describedBy}>
      <legend>{title}</legend>
      {help}
      {errorText}
      <div class={question.kind === 'scale' ? 'scale' : undefined}>
        {options.map((option, index) => (
          <label class="choice" key={option.key}>
            <input
              type={type}
              id={index === 0 ? fieldId(id) : undefined}
              name={id}
              value={option.key}
              checked={option.checked}
              disabled={disabled}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={() => onChange(option.pick())}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
};
