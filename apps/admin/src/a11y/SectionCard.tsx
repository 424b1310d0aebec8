import { Card, CardContent, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslate } from 'react-admin';

export interface SectionCardProps {
  /** Translation key of the heading. */
  title: string;
  children: ReactNode;
  testId?: string;
}

/**
 * A titled card as a `section` whose heading names the region (keyboard and screen-reader
 * navigation): the dashboard's cards, the experiment page's blocks.
 */
export const SectionCard = ({ title, children, testId, sx }: SectionCardProps & { sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id} variant="outlined" sx={sx} data-testid={testId}>
      <CardContent>
        <Typography id={id} variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};
