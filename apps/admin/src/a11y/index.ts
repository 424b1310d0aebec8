export { contrastRatio, TEXT_CONTRAST } from './contrast';
export { DocumentLang } from './DocumentLang';
export { RowLink } from './RowLink';
export { SectionCard, type SectionCardProps } from './SectionCard';
