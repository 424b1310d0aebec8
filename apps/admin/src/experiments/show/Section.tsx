import { SectionCard, type SectionCardProps } from '../../a11y/SectionCard';

/** A titled block of the experiment page; its heading names the region (keyboard and screen-reader navigation). */
export const Section = (props: SectionCardProps) => (
  <SectionCard {...props} sx={{ mb: 2, position: 'relative' }} />
);
