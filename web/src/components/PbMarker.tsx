import type { GhostRun } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { pbMarks } from '../lib/debrief';
import { secondsShort } from '../lib/format';

/**
 * Where the personal best was at this step of the drill, in time since the open: "PB: 입장 +0.4초 · 대기 통과 +1.8초"
 * in the waiting room, the letter's time on the letter, and so on. Nothing without a personal best.
 */
export function PbMarker({ pb, current }: { pb: GhostRun | null | undefined; current: number }) {
  const { t, lang } = useI18n();
  const marks = pbMarks(pb);
  if (!marks) return null;
  const atStep: [MessageKey, number | null][][] = [
    [
      ['pb.entered', marks.entered],
      ['pb.admitted', marks.admitted],
    ],
    [['pb.letter', marks.letter]],
    [['pb.held', marks.held]],
    [['pb.booked', marks.booked]],
  ];
  const shown = (atStep[current] ?? []).filter((entry): entry is [MessageKey, number] => entry[1] !== null);
  if (shown.length === 0) return null;
  return (
    <p className="pb-marker" data-testid="pb-marker">
      <abbr title={t('pb.label')}>PB</abbr>
      <span className="sr-only">{t('pb.label')}</span>:{' '}
      {shown.map(([key, ms]) => `${t(key)} +${secondsShort(ms, lang)}`).join(' · ')}
    </p>
  );
}
