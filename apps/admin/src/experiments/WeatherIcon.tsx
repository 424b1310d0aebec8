import CloudIcon from '@mui/icons-material/CloudOutlined';
import StormIcon from '@mui/icons-material/Thunderstorm';
import SunIcon from '@mui/icons-material/WbSunnyOutlined';
import type { Weather } from '@capacites/domain';

const ICONS = { sunny: SunIcon, cloudy: CloudIcon, stormy: StormIcon } as const;
// Darker shades than MUI's defaults, for 3:1 against white (RGAA 3.3, non-text contrast).
const COLORS = { sunny: '#a15c00', cloudy: '#455a64', stormy: '#b71c1c' } as const;

/** The check-in "météo", decorative: its label is always written beside it. */
export const WeatherIcon = ({ weather }: { weather: Weather }) => {
  const Icon = ICONS[weather];
  return <Icon fontSize="small" sx={{ color: COLORS[weather] }} aria-hidden />;
};
