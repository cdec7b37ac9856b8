// chart.js needs a real canvas, which jsdom has not: `vi.mock('react-chartjs-2', () => import('../test/chartAsList'))`
// turns each line chart into a list of its points, which is what the tests look at.
export function Line({ data }: { data: { datasets: { label: string; data: { x: number; y: number }[] }[] } }) {
  return (
    <ul data-testid="chart" data-label={data.datasets[0]!.label}>
      {data.datasets[0]!.data.map((point, i) => (
        <li key={i}>{point.y}</li>
      ))}
    </ul>
  );
}
