import { templateUpdateSchema } from '@capacites/domain';
import { BooleanInput, Edit, SimpleForm } from 'react-admin';
import { useApiErrorNotify, zodResolver } from '../forms';
import { TemplateFields } from './TemplateFields';
import { TemplateManagersOnly } from './TemplateManagersOnly';
import { templateUpdateBody, type Template } from './types';

const resolver = zodResolver(templateUpdateSchema, { toBody: templateUpdateBody });

/** Edits a template; archiving offers it no more to new tests (drafts made from it keep their link). */
export const TemplateEdit = () => {
  const onError = useApiErrorNotify();
  return (
    <TemplateManagersOnly>
      <Edit<Template>
        mutationMode="pessimistic"
        redirect="list"
        transform={(data: Template) => templateUpdateBody(data) as Template}
        mutationOptions={{ onError }}
      >
        <SimpleForm resolver={resolver} noValidate>
          <TemplateFields withOwner={false} />
          <BooleanInput source="archived" helperText="resources.templates.helpers.archived" />
        </SimpleForm>
      </Edit>
    </TemplateManagersOnly>
  );
};
