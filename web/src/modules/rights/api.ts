import { http } from '../../shared/http.js';

/** A text in each of the app's languages, as the rights guide's data files keep it. */
export interface RightsText {
  nb: string;
  da: string;
  en: string;
}

export interface RightsStatus {
  id: string;
  label: RightsText;
  /** A status that only children have (an unaccompanied minor): the child's rules apply anyway. */
  minor: boolean;
  section: string;
}

export interface RightsDomain {
  id: string;
  label: RightsText;
}

export interface RightsGuideIndex {
  statuses: RightsStatus[];
  domains: RightsDomain[];
}

export type RightsAnswerKind = 'entitled' | 'limited' | 'not_entitled' | 'depends';

export interface RightsAnswer {
  status: string;
  domain: string;
  answer: RightsAnswerKind;
  conditions: RightsText;
  legal_basis: string;
  /** Where handbook 004 («Sosialt arbeid med sårbare migranter») says so. */
  source: { seed: string; line: number; quote: string; section: string };
  last_verified: string;
  /** The child's rule gives more than the adult one, and this is the child's answer. */
  child_override: boolean;
}

export const fetchRightsGuide = () => http.get<RightsGuideIndex>('/api/rights');
export const fetchRightsAnswer = (status: string, domain: string, child: boolean) =>
  http.get<RightsAnswer>('/api/rights/answer', { status, domain, child });
export const fetchStatusAnswers = (status: string, child: boolean) =>
  http.get<{ answers: RightsAnswer[] }>(`/api/rights/statuses/${encodeURIComponent(status)}`, { child });
