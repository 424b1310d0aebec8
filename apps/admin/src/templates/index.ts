import TemplateIcon from '@mui/icons-material/ContentCopyOutlined';
import RequiredIcon from '@mui/icons-material/RuleOutlined';
import { lazy } from 'react';

export type { Template, TemplateRequirement } from './types';

// The template screens load on first use.
export const templates = {
  list: lazy(() => import('./TemplateList').then((m) => ({ default: m.TemplateList }))),
  create: lazy(() => import('./TemplateCreate').then((m) => ({ default: m.TemplateCreate }))),
  edit: lazy(() => import('./TemplateEdit').then((m) => ({ default: m.TemplateEdit }))),
  icon: TemplateIcon,
  recordRepresentation: 'name',
};

export const templateRequirements = {
  list: lazy(() => import('./TemplateRequirements').then((m) => ({ default: m.TemplateRequirementList }))),
  create: lazy(() =>
    import('./TemplateRequirements').then((m) => ({ default: m.TemplateRequirementCreate })),
  ),
  icon: RequiredIcon,
};
