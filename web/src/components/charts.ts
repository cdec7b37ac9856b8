// chart.js, registered once with only what the app draws (tree-shaken), themed for the dark UI.
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend);

ChartJS.defaults.color = '#a3acd0';
ChartJS.defaults.borderColor = 'rgba(148, 163, 220, 0.14)';
ChartJS.defaults.font.family =
  "'Pretendard Variable', Pretendard, 'Apple SD Gothic Neo', 'Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', system-ui, sans-serif";
ChartJS.defaults.animation = false;
ChartJS.defaults.maintainAspectRatio = false;

export const COLORS = {
  humans: '#8b7bff',
  humansStrong: '#c4bbff',
  bots: '#f97373',
  accent: '#22d3ee',
  success: '#34d399',
  warn: '#fbbf24',
  faded: 'rgba(163, 172, 208, 0.45)',
};
