import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslate } from 'react-admin';

/** A titled block of the experiment page; its heading names the region (keyboard and screen-reader navigation). */
export const Section = ({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) => {
  const translate = useTranslate();
  const id = useId();
  return (
    <Card
      component="section"
      aria-labelledby={id}
      variant="outlined"
      sx={{ mb: 2, position: 'relative' }}
      data-testid={testId}
    >
      <CardContent>
        <Typography id={id} variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};
