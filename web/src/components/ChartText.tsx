import { useI18n } from '../i18n/i18n';

/**
 * A chart's summary in numbers (`src/lib/chartText.ts`), the description of its canvas (`aria-describedby`). Hidden, not
 * visually hidden: a screen reader reads it once, as the chart's description, not again as a paragraph after it. No
 * live region: the ops charts' summaries change every second.
 */
export function ChartSummary({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} hidden data-testid="chart-summary">
      {text}
    </p>
  );
}

export interface ChartRow {
  key: string | number;
  /** The row's header (`<th scope="row">`): the bucket, the time, the second. */
  head: string;
  cells: string[];
}

/** A chart's data as a table, behind "표로 보기" (a `<details>`: closed, it is skipped by screen readers too). */
export function ChartTable({
  chart,
  caption,
  columns,
  rows,
}: {
  /** The chart's name, for the disclosure's: one "표로 보기" per chart on the page. */
  chart: string;
  caption: string;
  /** The column headers, the rows' header first. */
  columns: string[];
  rows: readonly ChartRow[];
}) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <details className="chart-table">
      <summary>
        {t('chart.showTable')}
        <span className="sr-only">: {chart}</span>
      </summary>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, i) => (
                <th key={column} scope="col" className={i > 0 ? 'num' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.head}</th>
                {row.cells.map((cell, i) => (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
