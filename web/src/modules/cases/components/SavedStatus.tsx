import { Alert, Paragraph } from '@digdir/designsystemet-react';

/** Where a case section says what it just saved: a polite live region, empty until there is news. */
export function SavedStatus({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** Today's date as a date input wants it. */
export const todayInput = () => new Date().toISOString().slice(0, 10);
