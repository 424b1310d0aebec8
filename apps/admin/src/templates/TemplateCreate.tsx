import { templateCreateSchema } from '@capacites/domain';
import { Create, SimpleForm } from 'react-admin';
import { hasAnyRole, usePrincipal } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { TemplateFields } from './TemplateFields';
import { TemplateManagersOnly } from './TemplateManagersOnly';
import { templateCreateBody } from './types';

const resolver = zodResolver(templateCreateSchema, {
  toBody: templateCreateBody,
  refinements: {},
});

export const TemplateCreate = () => {
  const onError = useApiErrorNotify();
  const principal = usePrincipal();
  // HR of one organisation writes its templates: chosen for them.
  const hrOf = [
    ...new Set(principal?.memberships.filter((m) => m.role === 'hr').map((m) => m.organizationId) ?? []),
  ];
  const defaults = {
    description: '',
    criteria: [],
    questionnaires: [],
    exitPlan: { pilotWithdrawal: '', takeover: '' },
    ...(!hasAnyRole(principal, ['admin']) && hrOf.length === 1 ? { organizationId: hrOf[0] } : {}),
  };
  if (!principal) return null;
  return (
    <TemplateManagersOnly>
      <Create redirect="list" transform={templateCreateBody} mutationOptions={{ onError }}>
        <SimpleForm resolver={resolver} defaultValues={defaults} noValidate>
          <TemplateFields withOwner />
        </SimpleForm>
      </Create>
    </TemplateManagersOnly>
  );
};
