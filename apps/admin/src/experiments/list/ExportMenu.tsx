import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, Menu, MenuItem } from '@mui/material';
import { useId, useState, type MouseEvent } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { EXPORT_FORMATS, exportPath, type ExportFormat, type ExportResource } from '@capacites/domain';
import { API_URL } from '../../dataProvider';
import { toApiExperimentFilter } from './filters';

/**
 * The URL of the API's export of a list, with the list's current filters and order: the
 * API streams every row (no page limit) with the reader's scope, as an attachment.
 */
export function exportUrl(
  resource: ExportResource,
  format: ExportFormat,
  filter: Record<string, unknown>,
  sort: { field: string; order: string } | undefined,
): string {
  const params = new URLSearchParams({ format, filter: JSON.stringify(filter) });
  if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
  return `${API_URL}${exportPath(resource)}?${params.toString()}`;
}

/**
 * "Exporter" opens a menu of formats; each entry is a plain download link, so that the
 * browser streams the file to disk (no size limit, no memory held by the page) and a
 * keyboard or screen-reader user gets an ordinary link.
 */
export const ExportMenu = () => {
  const translate = useTranslate();
  const { filterValues, sort, total } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const buttonId = useId();
  const filter = toApiExperimentFilter(filterValues ?? {});
  return (
    <>
      <Button
        id={buttonId}
        size="small"
        startIcon={<DownloadIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        disabled={total === 0}
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
      >
        {translate('app.export.button')}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        MenuListProps={{ 'aria-labelledby': buttonId }}
      >
        {EXPORT_FORMATS.map((format) => (
          <MenuItem
            key={format}
            component="a"
            href={exportUrl('experiments', format, filter, sort)}
            download
            onClick={() => setAnchor(null)}
          >
            {translate(`app.export.${format}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
