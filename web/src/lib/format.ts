/** 12345 → "12.345초" / "12.345 s": a time as players compare them, to the millisecond. */
export function seconds(ms: number | null | undefined, lang: 'ko' | 'en' = 'ko'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const text = (ms / 1000).toFixed(3);
  return lang === 'ko' ? `${text}초` : `${text} s`;
}

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
  return lang === 'ko' ? `${seconds}초` : `${seconds} s`;
}

/** 4123 → "4.1초" / "4.1 s": a time in a sentence, to a tenth. */
export function secondsShort(ms: number | null | undefined, lang: 'ko' | 'en' = 'ko'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const text = (ms / 1000).toFixed(1);
  return lang === 'ko' ? `${text}초` : `${text} s`;
}

/** A difference: 400 → "+0.4초", −250 → "−0.3초" (a true minus sign), 0 → "±0.0초". */
export function secondsDelta(ms: number, lang: 'ko' | 'en' = 'ko'): string {
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '±';
  return `${sign}${secondsShort(Math.abs(ms), lang)}`;
}
