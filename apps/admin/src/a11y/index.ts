export { contrastRatio, TEXT_CONTRAST } from './contrast';
export { DocumentLang } from './DocumentLang';
export { RowLink } from './RowLink';
// SectionCard is imported from './SectionCard' directly: this index is part of the first
// screen, and re-exporting it here brought MUI's cards into it (+23 kB gzip, benchmarks).
