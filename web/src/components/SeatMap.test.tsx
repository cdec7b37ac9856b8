import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Grade, Seat, SeatStatus } from '../api/types';
import { AnnouncerProvider } from '../hooks/useAnnouncer';
import { I18nProvider } from '../i18n/i18n';
import { aisleBefore, layoutOf, move, SeatLegend, SeatMap } from './SeatMap';

const grade = (row: string): Grade => (row <= 'B' ? 'VIP' : row <= 'E' ? 'R' : 'S');

function venue(rows = 3, columns = 4, statuses: Record<string, SeatStatus> = {}): Seat[] {
  const seats: Seat[] = [];
  for (let r = 0; r < rows; r++) {
    const row = String.fromCharCode(65 + r);
    for (let n = 1; n <= columns; n++) {
      const id = `${row}-${n}`;
      seats.push({ id, row, number: n, grade: grade(row), status: statuses[id] ?? 'AVAILABLE' });
    }
  }
  return seats;
}

const renderMap = (seats: Seat[], onSelect = vi.fn(), selectedId?: string) =>
  render(
    <I18nProvider initial="ko">
      <SeatMap seats={seats} selectedId={selectedId} onSelect={onSelect} />
    </I18nProvider>,
  );

const seat = (id: string) => document.querySelector<HTMLButtonElement>(`[data-seat-id="${id}"]`)!;

describe('seat map states', () => {
  it('says every status in text and pattern, not colour alone', () => {
    renderMap(venue(3, 4, { 'A-2': 'HELD', 'A-3': 'SOLD' }), vi.fn(), 'A-4');
    expect(screen.getByRole('gridcell', { name: 'A열 1번 VIP석 — 선택 가능' })).toHaveClass(
      'grade-vip',
      'status-available',
    );
    expect(screen.getByRole('gridcell', { name: 'A열 2번 VIP석 — 선점됨' })).toHaveClass('status-held');
    expect(screen.getByRole('gridcell', { name: 'A열 3번 VIP석 — 판매 완료' })).toHaveClass('status-sold');
    expect(screen.getByRole('gridcell', { name: 'A열 4번 VIP석 — 내 선택' })).toHaveAttribute('aria-selected', 'true');
    expect(seat('A-2')).toHaveAttribute('aria-disabled', 'true');
    expect(seat('A-3')).toHaveTextContent('✕');
    expect(seat('A-2')).toHaveTextContent('⋯');
    expect(seat('C-1')).toHaveClass('grade-r');
  });

  it('selects an available seat on click and ignores held or sold ones', () => {
    const onSelect = vi.fn();
    renderMap(venue(2, 3, { 'A-2': 'HELD', 'A-3': 'SOLD' }), onSelect);
    fireEvent.click(seat('A-2'));
    fireEvent.click(seat('A-3'));
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(seat('B-2'));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'B-2' }));
  });

  it('greys out a seat somebody else took when the map is refreshed', () => {
    const { rerender } = renderMap(venue(1, 3));
    expect(seat('A-2')).toHaveClass('status-available');
    rerender(
      <I18nProvider initial="ko">
        <SeatMap seats={venue(1, 3, { 'A-2': 'HELD' })} selectedId={undefined} onSelect={vi.fn()} />
      </I18nProvider>,
    );
    expect(seat('A-2')).toHaveClass('status-held');
    expect(seat('A-2')).toHaveAttribute('aria-disabled', 'true');
  });

  it('has a legend for grades and statuses', () => {
    render(
      <I18nProvider initial="ko">
        <SeatLegend />
      </I18nProvider>,
    );
    for (const text of ['VIP석', 'R석', 'S석', '선택 가능', '선점됨', '판매 완료', '내 선택']) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
    // a status's sample is no grade's: a free seat is drawn in its own grade's colour (a free S seat is not pink)
    const free = screen.getByText('선택 가능').querySelector('.seat-sample')!;
    expect(free).toHaveClass('seat-sample-any', 'status-available');
    for (const grade of ['grade-vip', 'grade-r', 'grade-s']) expect(free).not.toHaveClass(grade);
    const css = readFileSync(resolve(__dirname, '../styles.css'), 'utf8');
    expect(css).toMatch(
      /\.seat-sample-any\.status-available \{\s*background: linear-gradient\([^)]*var\(--vip\)[^)]*var\(--r\)[^)]*var\(--s\)/,
    );
  });
});

describe('seat map keyboard', () => {
  it('has one tab stop, on the first available seat', () => {
    renderMap(venue(2, 3, { 'A-1': 'SOLD' }));
    const stops = screen.getAllByRole('gridcell').filter((cell) => cell.getAttribute('tabindex') === '0');
    expect(stops).toHaveLength(1);
    expect(stops[0]).toHaveAttribute('data-seat-id', 'A-2');
  });

  it('moves with the arrow keys and selects with Enter', () => {
    const onSelect = vi.fn();
    renderMap(venue(3, 4), onSelect);
    act(() => seat('A-1').focus());
    fireEvent.keyDown(seat('A-1'), { key: 'ArrowRight' });
    expect(seat('A-2')).toHaveFocus();
    fireEvent.keyDown(seat('A-2'), { key: 'ArrowDown' });
    expect(seat('B-2')).toHaveFocus();
    expect(seat('B-2')).toHaveAttribute('tabindex', '0');
    expect(seat('A-1')).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(seat('B-2'), { key: 'End' });
    expect(seat('B-4')).toHaveFocus();
    fireEvent.keyDown(seat('B-4'), { key: 'ArrowRight' }); // the edge: stays
    expect(seat('B-4')).toHaveFocus();
    fireEvent.keyDown(seat('B-4'), { key: 'ArrowUp' });
    fireEvent.keyDown(seat('A-4'), { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'A-4' }));
  });

  it('passes over taken seats but will not select them', () => {
    const onSelect = vi.fn();
    renderMap(venue(1, 3, { 'A-2': 'SOLD' }), onSelect);
    act(() => seat('A-1').focus());
    fireEvent.keyDown(seat('A-1'), { key: 'ArrowRight' });
    expect(seat('A-2')).toHaveFocus();
    fireEvent.keyDown(seat('A-2'), { key: 'Enter' });
    fireEvent.keyDown(seat('A-2'), { key: ' ' });
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('says why a sold seat or one somebody else holds cannot be picked, politely, each time it is tried', () => {
    const onSelect = vi.fn();
    render(
      <I18nProvider initial="ko">
        <AnnouncerProvider>
          <SeatMap seats={venue(1, 4, { 'A-2': 'SOLD', 'A-3': 'HELD' })} selectedId={undefined} onSelect={onSelect} />
        </AnnouncerProvider>
      </I18nProvider>,
    );
    const said = () => [...screen.getByTestId('announcer').children].map((node) => node.textContent);
    act(() => seat('A-2').focus());
    fireEvent.keyDown(seat('A-2'), { key: 'Enter' });
    fireEvent.keyDown(seat('A-2'), { key: ' ' }); // the same again: said again
    fireEvent.click(seat('A-3')); // a tap
    expect(said()).toEqual(['판매 완료된 좌석입니다', '판매 완료된 좌석입니다', '다른 사람이 잡은 좌석입니다']);
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(seat('A-4'));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'A-4' }));
    expect(said()).toHaveLength(3);
  });
});

describe('seat layout', () => {
  it('orders rows and numbers and skips gaps when moving', () => {
    const seats = venue(2, 4).filter((s) => s.id !== 'A-3');
    const layout = layoutOf([...seats].reverse());
    expect(layout.rows).toEqual(['A', 'B']);
    expect(layout.grid[0]!.map((s) => s?.id)).toEqual(['A-1', 'A-2', undefined, 'A-4']);
    expect(move(layout, 0, 1, 'right')).toEqual([0, 3]);
    expect(move(layout, 0, 0, 'up')).toEqual([0, 0]);
  });

  it('puts aisles at a fifth from each side', () => {
    expect([...Array(10).keys()].filter((c) => aisleBefore(c, 10))).toEqual([2, 8]);
    expect(aisleBefore(2, 4)).toBe(false);
  });
});
