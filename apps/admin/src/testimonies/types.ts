import type { TestimonySource } from '@capacites/domain';
import type { RaRecord } from 'react-admin';

/** A testimony ("témoignage", verbatim) as GET /api/testimonies returns it. */
export interface Testimony extends RaRecord<string> {
  experimentId: string;
  organizationId: string;
  quote: string;
  /** Empty: anonymous. */
  speaker: string;
  speakerRole: string;
  source: TestimonySource;
  /** A day, YYYY-MM-DD. */
  collectedAt: string;
  shareable: boolean;
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
}

type Values = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The fields of a testimony as the API takes them (PUT: the same without the experiment). */
export const testimonyFields = (values: Values): Values => ({
  quote: text(values.quote),
  speaker: text(values.speaker),
  speakerRole: text(values.speakerRole),
  source: values.source,
  collectedAt: values.collectedAt,
  shareable: Boolean(values.shareable),
});

/** The states in which a test has users to hear (the API refuses testimonies before launch). */
export const COLLECTING_STATES = [
  'running',
  'evaluating',
  'deciding',
  'perpetuated',
  'abandoned',
  'iterated',
];
