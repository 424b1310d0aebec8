/** @jsxImportSource preact */
import type { Answers, AnswerValue } from '@capacites/domain';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadQuestionnaire, sendAnswers, targetOf, type AnswerForm, type Loaded, type Target } from './api';
import { format, fr, frenchDay } from './messages';
import { fieldId, QuestionField } from './QuestionField';
import { answeredKey, browserToken } from './token';
import { answersToSend, frenchErrors, serverErrors } from './validate';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** A heading that takes the focus when it appears: the reader hears where they are now. */
const FocusedHeading = ({ children }: { children: ComponentChildren }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
};

const Message = ({
  title,
  text,
  children,
}: {
  title: string;
  text: string;
  children?: ComponentChildren;
}) => (
  <>
    <FocusedHeading>{title}</FocusedHeading>
    <p>{text}</p>
    {children}
  </>
);

const Notice = ({ paragraphs }: { paragraphs: readonly string[] }) => (
  <aside class="notice" aria-labelledby="notice-title">
    <h2 id="notice-title">{fr.noticeTitle}</h2>
    {/* Text nodes: the notice and everything else the API sends are text, never markup. */}
    {paragraphs.map((paragraph, index) => (
      <p key={index}>{paragraph}</p>
    ))}
  </aside>
);

type Phase = 'editing' | 'sending' | 'done';

const Form = ({ target, form }: { target: Exclude<Target, null>; form: AnswerForm }) => {
  const [values, setValues] = useState<Answers>(() => ({ ...(form.previous?.answers ?? {}) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>(
    form.previous && target.kind === 'participant' ? 'done' : 'editing',
  );
  // When the page opens on an answer given before, rather than on one just sent.
  const [sentNow, setSentNow] = useState(false);
  const [closed, setClosed] = useState<{ at: string | null } | null>(null);
  const [notOpen, setNotOpen] = useState<{ at: string | null } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);
  const [focusDone, setFocusDone] = useState(0);
  useEffect(() => {
    if (focusSummary) summaryRef.current?.focus();
  }, [focusSummary]);
  useEffect(() => {
    if (focusDone) doneRef.current?.focus();
  }, [focusDone]);

  const alreadyAnswered =
    target.kind === 'public' && phase === 'editing' && storage()?.getItem(answeredKey(target.code)) === '1';

  if (closed) {
    return (
      <Message
        title={fr.closedTitle}
        text={closed.at ? format(fr.closed, { date: frenchDay(closed.at) }) : fr.closedNoDate}
      />
    );
  }
  if (notOpen) {
    return (
      <Message
        title={fr.notOpenTitle}
        text={notOpen.at ? format(fr.notOpen, { date: frenchDay(notOpen.at) }) : fr.notOpenNoDate}
      />
    );
  }
  if (alreadyAnswered) return <p class="done">{fr.alreadyAnswered}</p>;

  const set = (id: string) => (value: AnswerValue) => {
    setValues((current) => ({ ...current, [id]: value }));
    // An error goes once the answer changes; the next submission checks again.
    if (errors[id])
      setErrors((current) => {
        const next = { ...current };
        delete next[id];
        return next;
      });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (phase === 'sending') return;
    setAlert(null);
    const found = frenchErrors(form.questions, answersToSend(form.questions, values));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFocusSummary((n) => n + 1);
      return;
    }
    setPhase('sending');
    const answers = answersToSend(form.questions, values);
    const token = target.kind === 'public' ? browserToken(target.code, storage()) : '';
    const result = await sendAnswers(target, answers, token);
    if (result.ok) {
      if (target.kind === 'public') storage()?.setItem(answeredKey(target.code), '1');
      setPhase('done');
      setSentNow(true);
      setFocusDone((n) => n + 1);
      return;
    }
    setPhase('editing');
    const refusal = result.refusal;
    if (!refusal) return setAlert(fr.network);
    const param = (name: string) =>
      typeof refusal.params?.[name] === 'string' ? (refusal.params[name] as string) : null;
    if (refusal.code === 'QUESTIONNAIRE_CLOSED') return setClosed({ at: param('closedAt') });
    if (refusal.code === 'QUESTIONNAIRE_NOT_OPEN') return setNotOpen({ at: param('opensAt') });
    if (refusal.code === 'QUESTIONNAIRE_ALREADY_ANSWERED') {
      storage()?.setItem(answeredKey((target as { code: string }).code), '1');
      return setAlert(fr.alreadyAnswered);
    }
    if (refusal.status === 429) return setAlert(fr.tooMany);
    if (refusal.status === 400 && refusal.fields?.length) {
      const fromServer = serverErrors(form.questions, answers, refusal.fields);
      if (Object.keys(fromServer).length > 0) {
        setErrors(fromServer);
        setFocusSummary((n) => n + 1);
        return;
      }
    }
    setAlert(fr.unavailable);
  };

  if (phase === 'done') {
    const participant = target.kind === 'participant';
    return (
      <div class="done" role="status" tabIndex={-1} ref={doneRef}>
        <p>
          {!sentNow && form.previous
            ? format(fr.answeredOn, {
                date: frenchDay(form.previous.updatedAt),
                date2: form.closesAt ? frenchDay(form.closesAt) : '—',
              })
            : participant && form.closesAt
              ? format(fr.thanksParticipant, { date: frenchDay(form.closesAt) })
              : fr.thanks}
        </p>
        {participant && form.canAnswer ? (
          <button type="button" class="secondary" onClick={() => setPhase('editing')}>
            {fr.changeAnswer}
          </button>
        ) : null}
      </div>
    );
  }

  const errorIds = form.questions.filter((q) => errors[q.id]);
  return (
    <form onSubmit={submit} noValidate aria-describedby="required-note">
      {errorIds.length > 0 ? (
        <div class="summary" tabIndex={-1} ref={summaryRef} role="alert" aria-labelledby="summary-title">
          <h2 id="summary-title">{format(fr.errorsTitle, { count: errorIds.length })}</h2>
          <ul>
            {errorIds.map((question) => (
              <li key={question.id}>
                <a
                  href={`#${fieldId(question.id)}`}
                  onClick={(event) => {
                    // Focus the control itself (a fragment link only scrolls to it in some browsers).
                    const control = document.getElementById(fieldId(question.id));
                    if (!control) return;
                    event.preventDefault();
                    control.focus();
                  }}
                >
                  {question.label} : {errors[question.id]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p id="required-note" class="muted">
        {fr.requiredNote}
      </p>
      {form.questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          value={values[question.id]}
          error={errors[question.id]}
          disabled={phase === 'sending'}
          onChange={set(question.id)}
        />
      ))}
      {alert ? (
        <p class="error" role="alert">
          {alert}
        </p>
      ) : null}
      <button type="submit" disabled={phase === 'sending'} aria-disabled={phase === 'sending'}>
        {phase === 'sending' ? fr.sending : form.previous || sentNow ? fr.update : fr.submit}
      </button>
    </form>
  );
};

const Body = ({ target, loaded }: { target: Target; loaded: Loaded }) => {
  switch (loaded.kind) {
    case 'notFound':
      return <Message title={fr.notFoundTitle} text={fr.notFound} />;
    case 'forbidden':
      return <Message title={fr.notParticipantTitle} text={fr.notParticipant} />;
    case 'network':
      return <Message title={fr.unavailableTitle} text={fr.network} />;
    case 'unavailable':
      return <Message title={fr.unavailableTitle} text={fr.unavailable} />;
    case 'login':
      // The back-office's route asks for the login, then leads back here.
      return (
        <Message title={fr.loginTitle} text={fr.login}>
          <p>
            <a href={`/#/questionnaires/${loaded.id}/answer`}>{fr.loginButton}</a>
          </p>
        </Message>
      );
    case 'form': {
      const { form } = loaded;
      if (!target) return null;
      if (form.status === 'closed')
        return (
          <Message
            title={`${fr.closedTitle} : ${form.title}`}
            text={form.closesAt ? format(fr.closed, { date: frenchDay(form.closesAt) }) : fr.closedNoDate}
          />
        );
      if (form.status === 'scheduled')
        return (
          <Message
            title={`${fr.notOpenTitle} : ${form.title}`}
            text={form.opensAt ? format(fr.notOpen, { date: frenchDay(form.opensAt) }) : fr.notOpenNoDate}
          />
        );
      // Open, but this account is not (or no longer) one of the test's participants.
      if (!form.canAnswer) return <Message title={fr.notParticipantTitle} text={fr.notParticipant} />;
      return (
        <>
          <h1>{form.title}</h1>
          {form.closesAt ? (
            <p class="muted">{format(fr.openUntil, { date: frenchDay(form.closesAt) })}</p>
          ) : null}
          {form.intro ? <p style="white-space:pre-line">{form.intro}</p> : null}
          <Form target={target} form={form} />
          <Notice paragraphs={form.notice} />
        </>
      );
    }
  }
};

/** The whole page: the "en test" tape, then the questionnaire or why it cannot be answered. */
export const AnswerPage = ({ pathname }: { pathname: string }) => {
  const target = targetOf(pathname);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    void loadQuestionnaire(target, fr.participantNotice).then(setLoaded);
    // The page is for one address: loaded once.
  }, []);
  useEffect(() => {
    if (loaded?.kind === 'form') document.title = `${loaded.form.title} — Capacités`;
    else if (loaded?.kind === 'notFound') document.title = `${fr.notFoundTitle} — Capacités`;
  }, [loaded]);
  return (
    <>
      <div class="tape">
        <p>{fr.tape}</p>
      </div>
      <main id="main">
        {loaded ? <Body target={target} loaded={loaded} /> : <p role="status">{fr.loading}</p>}
      </main>
    </>
  );
};
