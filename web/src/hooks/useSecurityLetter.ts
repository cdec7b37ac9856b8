import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { answerCaptcha, getCaptchaAudio, issueCaptcha } from '../api/booking';
import { ApiError, asApiError } from '../api/http';
import type { Captcha } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { closesAtOf } from '../lib/clock';
import { autoRetryDelay, endsRound } from '../lib/problems';
import type { Session } from '../lib/session';
import { useServerClock } from './serverClock';
import { useAnnouncer } from './useAnnouncer';
import { useCountdown } from './useCountdown';
import { useLatest } from './useLatest';
import { useMounted } from './useMounted';
import { useRoundEnd } from './useRoundEnd';

/**
 * What failed: asking for a letter (retried with a new one), sending the answer (sent again: the letter still holds),
 * or playing the letter's audio (asked again; the letter and the answer typed stay); `auto`: a 503 tried again by
 * itself after `delayMs`, the `n`th time in a row.
 */
export interface LetterError {
  problem: ApiError;
  during: 'letter' | 'answer' | 'audio';
  auto?: { n: number; delayMs: number };
}

export interface SecurityLetterOptions {
  /** The answer field: focused as a letter shows, and when an empty answer is sent. */
  input: RefObject<HTMLInputElement | null>;
  onSolved(): void;
  /** The round ended for this ticket (closed, token no longer valid): on to the result and its debrief. */
  onRoundOver(problem: ApiError): void;
}

export interface SecurityLetterState {
  /** The letter shown; none while one is asked for, or when asking failed. */
  captcha: Captcha | undefined;
  /** What is typed for the letter. */
  answer: string;
  setAnswer(answer: string): void;
  /** A letter or an answer on its way. */
  busy: boolean;
  error: LetterError | undefined;
  /** What is wrong with the answer (empty, wrong, its letter gone), shown under the field. */
  hint: MessageKey | undefined;
  /** Whole seconds left of a refusal's Retry-After, before which nothing is sent again. */
  wait: number;
  /**
   * The same for sending the answer: none after a refused audio, as answers have their own budget (a letter's hearing
   * spends from the letters').
   */
  answerWait: number;
  /** ↻: a new letter in place of the one shown, and of what was typed for it. */
  issue(): void;
  /** Sends the typed answer, unless there is no letter, one is on its way or a Retry-After is being waited out. */
  trySend(): void;
  /** Tries the failed step again: the same answer to the same letter, the audio, or a new letter. */
  retry(): void;
  /**
   * 듣기: the letter shown, read out (its audio asked for and played; pressed again while it plays, from the start).
   * Nothing is announced over it. A refusal shows like the letter's others, and uses up neither the letter nor the
   * answer typed.
   */
  listen(): void;
  /** The letter's audio on its way or playing. */
  listening: boolean;
}

/** The audio of the letter shown: its request, its player, and once fetched the object URL it plays from. */
interface LetterAudio {
  aborter: AbortController;
  player: HTMLAudioElement;
  url?: string;
}

/**
 * The security letter step: a letter asked for as it starts, the answer sent, a wrong answer answered with a new
 * letter, a 503 tried again by itself (a few times, never past the close), a refusal's Retry-After waited out, and the
 * round's close by the server's clock ending the attempt unless an answer is on its way.
 */
export function useSecurityLetter(
  session: Session,
  { input, onSolved, onRoundOver }: SecurityLetterOptions,
): SecurityLetterState {
  const [captcha, setCaptcha] = useState<Captcha | undefined>();
  const [answer, setAnswer] = useState('');
  // busy from the start: the first letter is asked for as the screen shows
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<LetterError | undefined>();
  const clock = useLatest(useServerClock());
  const { setQuiet } = useAnnouncer();
  /** 503s in a row tried again by themselves (AUTO_RETRIES at most); back to 0 on any other answer. */
  const autoTries = useRef(0);
  /** The failure to show, and whether it is tried again by itself (a 503, a few times, not past the close). */
  const failed = (problem: ApiError, during: 'letter' | 'answer') => {
    const { timing, now } = clock.current;
    const delayMs = autoRetryDelay(problem, autoTries.current, closesAtOf(session.roundId, timing) - now());
    if (delayMs === undefined) {
      autoTries.current = 0;
      setError({ problem, during });
      return;
    }
    autoTries.current += 1;
    setError({ problem, during, auto: { n: autoTries.current, delayMs } });
  };
  const failedRef = useLatest(failed);
  const [hint, setHint] = useState<MessageKey | undefined>();
  // a refused request's Retry-After: nothing is sent again (retry, ↻, the answer) before it has passed
  const wait = useCountdown(error?.problem.retryAfter, error);
  const answerWait = error?.during === 'audio' ? 0 : wait;
  const alive = useMounted();
  const onRoundOverRef = useLatest(onRoundOver);
  /** An answer on its way: at the close its own answer decides (solved in time, or 403 round-closed). */
  const answering = useRef(false);
  const ended = useRef(false);
  /** The attempt is over (once, whoever says so first). */
  const end = (problem: ApiError) => {
    if (ended.current) return;
    ended.current = true;
    onRoundOverRef.current(problem);
  };
  const endRef = useLatest(end);
  // a letter looks answerable past the close: the clock ends the attempt, unless an answer is on its way
  useRoundEnd(session.roundId, () => {
    if (answering.current) return false;
    end(new ApiError(403, 'round-closed'));
    return true;
  });

  // a letter for every request: one as the screen shows, another on ↻ or after a wrong answer
  const [letterRequest, setLetterRequest] = useState(0);
  useEffect(() => {
    let current = true;
    issueCaptcha(session.token)
      .then((letter) => {
        if (!current) return;
        autoTries.current = 0;
        setCaptcha(letter);
        setAnswer('');
        input.current?.focus();
        setBusy(false);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        const problem = asApiError(caught);
        if (endsRound(problem)) {
          endRef.current(problem);
          return;
        }
        failedRef.current(problem, 'letter');
        setBusy(false);
      });
    return () => {
      current = false;
    };
  }, [session.token, letterRequest, input, endRef, failedRef]);

  /** Asks for a new letter: the one shown is gone (used up, or replaced), and so is what was typed for it. */
  const issue = () => {
    setBusy(true);
    setError(undefined);
    setCaptcha(undefined);
    setAnswer('');
    setLetterRequest((n) => n + 1);
  };

  const trySend = () => {
    if (!captcha || busy || answerWait > 0) return;
    if (!answer.trim()) {
      setHint('captcha.empty');
      input.current?.focus();
      return;
    }
    void send(captcha);
  };

  /** The answer last sent: what a 503's retry by itself sends again, whatever the field holds by then. */
  const sentAnswer = useRef('');
  /** Sends the typed answer for `letter`; a 429/503 leaves both as they are, for the retry to send again. */
  const send = async (letter: Captcha, text = answer.trim()) => {
    setBusy(true);
    setHint(undefined);
    setError(undefined);
    answering.current = true;
    sentAnswer.current = text;
    try {
      await answerCaptcha(session.token, letter.captchaId, text);
      if (alive.current && !ended.current) onSolved();
      return;
    } catch (caught) {
      if (!alive.current || ended.current) return;
      const problem = asApiError(caught);
      setBusy(false);
      if (problem.status !== 503) autoTries.current = 0;
      if (problem.slug === 'wrong-answer' || problem.slug === 'unknown-captcha') {
        setHint(problem.slug === 'wrong-answer' ? 'captcha.wrong' : 'problem.unknown-captcha');
        issue();
        return;
      }
      if (endsRound(problem)) {
        end(problem);
        return;
      }
      failed(problem, 'answer');
    } finally {
      answering.current = false;
    }
  };

  const [listening, setListening] = useState(false);
  const audio = useRef<LetterAudio | undefined>(undefined);
  /** Stops the letter's audio (or its request), gives its URL back, and lets announcements through again. */
  const stopAudio = useCallback(() => {
    const current = audio.current;
    if (!current) return;
    audio.current = undefined;
    current.aborter.abort();
    current.player.pause();
    if (current.url) URL.revokeObjectURL(current.url);
    setQuiet(false);
    setListening(false);
  }, [setQuiet]);
  // a new letter (or none, or the screen gone): the last one's audio stops
  const captchaId = captcha?.captchaId;
  useEffect(() => stopAudio, [captchaId, stopAudio]);

  const listen = () => {
    if (!captcha || busy || wait > 0) return;
    const playing = audio.current;
    if (playing && !playing.url) return; // on its way already
    if (playing) {
      // pressed again while it plays: from the start, not fetched (and spent from the letter budget) again
      playing.player.currentTime = 0;
      void playing.player.play();
      return;
    }
    if (error?.during === 'audio') setError(undefined);
    // the player is made and loaded in the press itself: a browser that allows sound only from a tap (Safari on an
    // iPhone) would refuse a play() called only once the fetch has answered
    const player = new Audio();
    player.load();
    const mine: LetterAudio = { aborter: new AbortController(), player };
    audio.current = mine;
    setListening(true);
    setQuiet(true); // the letters are hard enough to make out without a time left said over them
    const refused = (problem: ApiError) => {
      if (audio.current !== mine) return; // stopped meanwhile (a new letter, the screen gone): nothing to say
      stopAudio();
      if (endsRound(problem)) end(problem);
      else setError({ problem, during: 'audio' });
    };
    getCaptchaAudio(session.token, captcha.captchaId, mine.aborter.signal)
      .then((wav) => {
        if (audio.current !== mine) return;
        mine.url = URL.createObjectURL(wav);
        player.src = mine.url;
        player.addEventListener('ended', () => audio.current === mine && stopAudio());
        player.addEventListener('error', () => refused(new ApiError(0, 'audio-unplayable')));
        return player.play().catch(() => refused(new ApiError(0, 'audio-unplayable')));
      })
      .catch((caught: unknown) => refused(asApiError(caught)));
  };

  // only a wrong answer (or a letter gone) uses the letter up: a refused send is sent again, the same answer
  const retry = () => {
    if (error?.during === 'audio') listen();
    else if (error?.during === 'answer' && captcha) trySend();
    else issue();
  };
  // a 503 tried again by itself once its wait is over (the Retry button may be pressed sooner; the close ends it all)
  const again = useLatest(() => {
    if (error?.during === 'answer' && captcha) void send(captcha, sentAnswer.current);
    else issue();
  });
  useEffect(() => {
    if (!error?.auto) return;
    const timer = setTimeout(() => again.current(), error.auto.delayMs);
    return () => clearTimeout(timer);
  }, [error, again]);

  return { captcha, answer, setAnswer, busy, error, hint, wait, answerWait, issue, trySend, retry, listen, listening };
}
