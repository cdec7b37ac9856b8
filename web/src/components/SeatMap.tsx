import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Grade, Seat, SeatStatus } from '../api/types';
import { useAnnouncer } from '../hooks/useAnnouncer';
import { useLatest } from '../hooks/useLatest';
import { useI18n } from '../i18n/i18n';

export interface SeatLayout {
  rows: string[];
  /** seats[rowIndex][columnIndex], ordered by seat number; a gap in the venue is undefined. */
  grid: (Seat | undefined)[][];
  columns: number;
}

/** Rows in venue order (A, B, …) and seats by number, from the flat list of the seat map answer. */
export function layoutOf(seats: readonly Seat[]): SeatLayout {
  const rows = [...new Set(seats.map((s) => s.row))].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const columns = seats.reduce((max, s) => Math.max(max, s.number), 0);
  const grid = rows.map(() => new Array<Seat | undefined>(columns).fill(undefined));
  for (const seat of seats) {
    const r = rows.indexOf(seat.row);
    if (r >= 0 && seat.number >= 1) grid[r]![seat.number - 1] = seat;
  }
  return { rows, grid, columns };
}

/** Aisles split the hall in three blocks (2 · 6 · 2 for ten seats a row), like a real concert floor. */
export function aisleBefore(columnIndex: number, columns: number): boolean {
  if (columns < 8) return false;
  const side = Math.max(1, Math.round(columns * 0.2));
  return columnIndex === side || columnIndex === columns - side;
}

type Direction = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

const KEYS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'home',
  End: 'end',
};

/** The next focusable cell from (r, c) in a direction; stays put at the edges. Skips gaps in the venue. */
export function move(layout: SeatLayout, r: number, c: number, direction: Direction): [number, number] {
  const rows = layout.grid.length;
  const cols = layout.columns;
  const exists = (rr: number, cc: number) => layout.grid[rr]?.[cc] !== undefined;
  const step = (dr: number, dc: number): [number, number] => {
    let rr = r + dr;
    let cc = c + dc;
    while (rr >= 0 && rr < rows && cc >= 0 && cc < cols) {
      if (exists(rr, cc)) return [rr, cc];
      rr += dr;
      cc += dc;
    }
    return [r, c];
  };
  switch (direction) {
    case 'up':
      return step(-1, 0);
    case 'down':
      return step(1, 0);
    case 'left':
      return step(0, -1);
    case 'right':
      return step(0, 1);
    case 'home': {
      const first = layout.grid[r]?.findIndex((s) => s !== undefined) ?? -1;
      return first >= 0 ? [r, first] : [r, c];
    }
    case 'end': {
      const row = layout.grid[r] ?? [];
      for (let i = row.length - 1; i >= 0; i--) if (row[i]) return [r, i];
      return [r, c];
    }
  }
}

export type SeatLook = SeatStatus | 'SELECTED';

const GRADE_CLASS: Record<Grade, string> = { VIP: 'grade-vip', R: 'grade-r', S: 'grade-s' };

/** Colour says the grade; pattern and a symbol say the status, so nothing depends on colour alone. */
export function SeatGlyph({ look, number }: { look: SeatLook; number: number }) {
  if (look === 'SOLD') return <span aria-hidden="true">✕</span>;
  if (look === 'HELD') return <span aria-hidden="true">⋯</span>;
  if (look === 'SELECTED') return <span aria-hidden="true">✓</span>;
  return <span aria-hidden="true">{number}</span>;
}

interface Props {
  seats: readonly Seat[];
  /** The player's pick (or their hold), drawn as selected whatever the server says. */
  selectedId: string | undefined;
  onSelect(seat: Seat): void;
  disabled?: boolean;
  /** Focus the grid when it first appears (the seat step starts here). */
  autoFocus?: boolean;
  /**
   * A new value brings the focus back to the map (its active seat) when nothing holds it: a hold refused (the seat was
   * taken) took the button that had it away, and a keyboard user goes on from the map.
   */
  refocus?: unknown;
  /** The id of the instructions (how to move and pick), the grid's description: its name stays short. */
  describedBy?: string | undefined;
}

/** What activating a seat nobody can pick says, politely (the map does nothing else with it). */
const UNAVAILABLE: Partial<Record<SeatStatus, 'seats.soldSeat' | 'seats.heldSeat'>> = {
  SOLD: 'seats.soldSeat',
  HELD: 'seats.heldSeat',
};

export function SeatMap({
  seats,
  selectedId,
  onSelect,
  disabled = false,
  autoFocus = false,
  refocus,
  describedBy,
}: Props) {
  const { t } = useI18n();
  const { announce } = useAnnouncer();
  const layout = useMemo(() => layoutOf(seats), [seats]);
  const [focus, setFocus] = useState<[number, number] | undefined>();
  const cells = useRef(new Map<string, HTMLButtonElement>());
  const wantsFocus = useRef(autoFocus);

  const position = (id: string): [number, number] | undefined => {
    for (let r = 0; r < layout.grid.length; r++) {
      const c = layout.grid[r]!.findIndex((s) => s?.id === id);
      if (c >= 0) return [r, c];
    }
    return undefined;
  };

  // the roving tab stop: the focused cell, else the pick, else the first available seat, else the first seat
  const fallback = (): [number, number] | undefined => {
    if (selectedId) {
      const p = position(selectedId);
      if (p) return p;
    }
    const first = seats.find((s) => s.status === 'AVAILABLE') ?? seats[0];
    return first ? position(first.id) : undefined;
  };
  const active = focus && layout.grid[focus[0]]?.[focus[1]] ? focus : fallback();
  const activeId = active ? layout.grid[active[0]]?.[active[1]]?.id : undefined;

  useEffect(() => {
    if (wantsFocus.current && activeId) {
      wantsFocus.current = false;
      cells.current.get(activeId)?.focus();
    }
  }, [activeId]);

  const activeIdRef = useLatest(activeId);
  useEffect(() => {
    if (refocus === undefined) return;
    // nothing holds the focus: the page has it, or a control that has just been disabled (the hold button, its pick
    // gone with the seat)
    const focused = document.activeElement;
    if (focused && focused !== document.body && !(focused as HTMLButtonElement).disabled) return;
    const id = activeIdRef.current;
    if (id) cells.current.get(id)?.focus();
  }, [refocus, activeIdRef]);

  const lookOf = (seat: Seat): SeatLook => (seat.id === selectedId ? 'SELECTED' : seat.status);

  /** Picks `seat` if it can be picked; a seat sold or held by somebody else says so instead of doing nothing. */
  const activate = (seat: Seat) => {
    const taken = seat.id === selectedId ? undefined : UNAVAILABLE[seat.status];
    if (taken) announce({ key: taken });
    else if (seat.status === 'AVAILABLE' && !disabled) onSelect(seat);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!active) return;
    const direction = KEYS[event.key];
    if (direction) {
      event.preventDefault();
      const next = move(layout, active[0], active[1], direction);
      setFocus(next);
      const seat = layout.grid[next[0]]?.[next[1]];
      if (seat) cells.current.get(seat.id)?.focus();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const seat = layout.grid[active[0]]?.[active[1]];
      if (seat) activate(seat);
    }
  };

  return (
    <div className="seatmap-scroll">
      <div className="stage" aria-hidden="true">
        {t('seats.stage')}
      </div>
      <div
        className="seatmap"
        role="grid"
        aria-label={t('seats.mapLabel')}
        aria-describedby={describedBy}
        aria-disabled={disabled || undefined}
        onKeyDown={onKeyDown}
        style={{ ['--cols' as string]: layout.columns }}
      >
        {layout.rows.map((row, r) => (
          <div role="row" className="seat-row" key={row}>
            <span role="rowheader" className="row-label" aria-label={t('seats.row', { row })}>
              {row}
            </span>
            {layout.grid[r]!.map((seat, c) => {
              const aisle = aisleBefore(c, layout.columns) ? ' aisle' : '';
              if (!seat) return <span key={`${row}-gap-${c}`} role="gridcell" className={`seat gap${aisle}`} />;
              const look = lookOf(seat);
              const isActive = active?.[0] === r && active?.[1] === c;
              const unavailable = seat.status !== 'AVAILABLE' && look !== 'SELECTED';
              return (
                <button
                  key={seat.id}
                  ref={(el) => {
                    if (el) cells.current.set(seat.id, el);
                    else cells.current.delete(seat.id);
                  }}
                  type="button"
                  role="gridcell"
                  className={`seat ${GRADE_CLASS[seat.grade]} status-${look.toLowerCase()}${aisle}`}
                  tabIndex={isActive ? 0 : -1}
                  aria-selected={look === 'SELECTED'}
                  aria-disabled={unavailable || disabled || undefined}
                  aria-label={t('seats.seatLabel', {
                    row: seat.row,
                    n: seat.number,
                    grade: t(`seats.grade.${seat.grade}`),
                    status: t(`seats.status.${look}`),
                  })}
                  title={`${seat.id} · ${t(`seats.grade.${seat.grade}`)} · ${t(`seats.status.${look}`)}`}
                  data-seat-id={seat.id}
                  data-status={seat.status}
                  onFocus={() => setFocus([r, c])}
                  onClick={() => {
                    setFocus([r, c]);
                    activate(seat);
                  }}
                >
                  <SeatGlyph look={look} number={seat.number} />
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

export function SeatLegend() {
  const { t } = useI18n();
  const grades: Grade[] = ['VIP', 'R', 'S'];
  const looks: SeatLook[] = ['AVAILABLE', 'SELECTED', 'HELD', 'SOLD'];
  return (
    <div className="legend" aria-label={t('seats.legend')} role="group">
      <ul className="legend-list">
        {grades.map((grade) => (
          <li key={grade}>
            <span className={`seat seat-sample ${GRADE_CLASS[grade]} status-available`} aria-hidden="true" />
            {t(`seats.grade.${grade}`)}
          </li>
        ))}
      </ul>
      <ul className="legend-list">
        {looks.map((look) => (
          <li key={look}>
            {/* not one grade's colour: a free seat shows its grade's (the grades above), and so does the ring of a pick */}
            <span className={`seat seat-sample seat-sample-any status-${look.toLowerCase()}`} aria-hidden="true">
              <SeatGlyph look={look} number={1} />
            </span>
            {t(`seats.status.${look}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
