import { Button } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Confirm, useTranslate } from 'react-admin';

/**
 * A button of an edit toolbar whose action is confirmed first, in a dialog that shows the
 * action running and closes when it ends. `onConfirm` handles its own errors.
 */
export const ConfirmButton = ({
  label,
  icon,
  title,
  titleTranslateOptions,
  content,
  onConfirm,
  testId,
}: {
  /** Translation key of the button and of the dialog's confirm button. */
  label: string;
  icon: ReactNode;
  /** Translation keys of the dialog's title (with its options) and text. */
  title: string;
  titleTranslateOptions?: Record<string, unknown>;
  content: string;
  onConfirm: () => Promise<void>;
  testId?: string;
}) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button color="error" startIcon={icon} onClick={() => setOpen(true)} data-testid={testId}>
        {translate(label)}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={title}
        titleTranslateOptions={titleTranslateOptions}
        content={content}
        confirm={label}
        confirmColor="warning"
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
