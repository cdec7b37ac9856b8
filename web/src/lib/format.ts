import type { Translate } from '../i18n/i18n';
import { parseRoundId } from './clock';

/** Between a number and its unit in English ("2.4 s"): a no-break space, so that a narrow cell never parts them. */
const NBSP = '\u00a0';

/** A number of seconds with the language's unit: "2.4초" / "2.4 s" (no-break space). */
function withSecondsUnit(text: string, lang: 'ko' | 'en'): string {
  return lang === 'ko' ? `${text}초` : `${text}${NBSP}s`;
}

/** 12345 → "12.345초" / "12.345 s": a time as players compare them, to the millisecond. */
export function seconds(ms: number | null | undefined, lang: 'ko' | 'en' = 'ko'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return withSecondsUnit((ms / 1000).toFixed(3), lang);
}

/** A chart's tick: whole seconds, or tenths where it falls between — 29000 → "29초" / "29 s", 1500 → "1.5초". */
export function secondsTick(ms: number, lang: 'ko' | 'en' = 'ko'): string {
  return withSecondsUnit(tickNumber(ms), lang);
}

/** A span of a chart's axis: 0, 1000 → "0–1초" / "0–1 s". */
export function secondsRange(fromMs: number, toMs: number, lang: 'ko' | 'en' = 'ko'): string {
  return withSecondsUnit(`${tickNumber(fromMs)}–${tickNumber(toMs)}`, lang);
}

const tickNumber = (ms: number) => (ms / 1000).toFixed(ms % 1000 ? 1 : 0);

/** A percentage to at most one decimal, without a trailing ".0". */
export function percent(value: number): string {
  return tenths(Math.round(value * 10) / 10);
}

/** A percentage in whole percents, "24", "73" (shares written side by side use `wholeShares`, which add up to 100). */
export function wholePercent(value: number): string {
  return String(Math.round(value));
}

/**
 * A top-X % rounded up to one decimal, without a trailing ".0": it never reads better than the truth, so it agrees
 * with its tier (63rd of 1,250 is 5.04 % → "5.1", not "5" beside 상위권). The tiers' bounds are whole tenths.
 */
export function percentUp(value: number): string {
  // toFixed first: 5.1 · 10 is 51.00000000000001 in floating point, which must stay 51
  return tenths(Math.ceil(Number((value * 10).toFixed(6))) / 10);
}

/** A number of whole tenths as shown: "5", "5.1". */
function tenths(rounded: number): string {
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "HH:MM:SS" in the viewer's zone. */
/** The locale dates and numbers are written in for the app's language. */
export function localeOf(lang: 'ko' | 'en'): string {
  return lang === 'ko' ? 'ko-KR' : 'en-GB';
}

export function clockTime(ms: number, lang: 'ko' | 'en' = 'ko'): string {
  return new Date(ms).toLocaleTimeString(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

/** A round period for people: 60000 → "1분" / "minute", 20000 → "20초" / "20 s". */
export function period(ms: number, lang: 'ko' | 'en' = 'ko'): string {
  const seconds = Math.round(ms / 1000);
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    if (lang === 'ko') return `${minutes}분`;
    return minutes === 1 ? 'minute' : `${minutes} minutes`;
  }
  return withSecondsUnit(String(seconds), lang);
}

/** 4123 → "4.1초" / "4.1 s": a time in a sentence, to a tenth. */
export function secondsShort(ms: number | null | undefined, lang: 'ko' | 'en' = 'ko'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return withSecondsUnit((ms / 1000).toFixed(1), lang);
}

/** A difference: 400 → "+0.4초", −250 → "−0.3초" (a true minus sign), 0 → "±0.0초". */
export function secondsDelta(ms: number, lang: 'ko' | 'en' = 'ko'): string {
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '±';
  return `${sign}${secondsShort(Math.abs(ms), lang)}`;
}

/**
 * A round for people: by the time it opened, in the viewer's zone ("15:40:00 오픈 라운드" / "Round opened at
 * 15:40:00"), not by its raw id ("20261124T064000Z"); the id as it is when it is not one.
 */
export function roundOpenedText(roundId: string, t: Translate, lang: 'ko' | 'en'): string {
  const at = parseRoundId(roundId);
  return at === undefined ? roundId : t('common.roundOpenedAt', { time: clockTime(at, lang) });
}

/** The round before, by its open, as the ops page's sell-out legend names it: "Previous round (opened 14:58:00)". */
export function previousRoundText(roundId: string, t: Translate, lang: 'ko' | 'en'): string {
  const at = parseRoundId(roundId);
  return at === undefined
    ? `${t('ops.previousRound')} · ${roundId}`
    : t('ops.previousRoundOpened', { time: clockTime(at, lang) });
}
