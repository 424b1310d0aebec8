import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath } from 'react-admin';

/**
 * The record's main cell as a real link. react-admin's clickable rows answer the mouse
 * only; a link is reached with Tab and opened with Enter (RGAA 7.3, keyboard access).
 */
export const RowLink = ({
  resource,
  id,
  type = 'edit',
  children,
}: {
  resource: string;
  id: string;
  type?: 'edit' | 'show';
  children: ReactNode;
}) => {
  const createPath = useCreatePath();
  return (
    <Link
      to={createPath({ resource, id, type })}
      // The row would navigate too: one navigation is enough.
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {children}
    </Link>
  );
};
