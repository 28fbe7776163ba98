import type { ReactNode } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../../src/shared/access.js';
import { useCan } from '../../modules/auth/hooks.js';

/** Renders the page only when the user has the ability; the server refuses the rest anyway. */
export function RequireAbility({ ability, children }: { ability: Action; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(ability))
    return (
      <Alert data-color="warning">
        <Paragraph>{t('errors.forbidden')}</Paragraph>
      </Alert>
    );
  return <>{children}</>;
}
