import type { Checklist, NextStep, Text } from '../../../../src/shared/checklists.js';
import { http } from '../../shared/http.js';

export type { Checklist, NextStep, Text };
export interface ChecklistSummary { id: string; title: Text; intro: Text; last_verified: string; items: number }
export interface CaseTicks { checklistId: string; itemIds: string[]; minor: boolean; acute: boolean; version: number; updatedAt: string | null; nextSteps: NextStep[] }

export const listChecklists = () => http.get<ChecklistSummary[]>('/api/checklists');
export const fetchChecklist = (id: string) => http.get<Checklist>(`/api/checklists/${encodeURIComponent(id)}`);
const ticksPath = (caseId: string, checklistId: string) => `/api/cases/${encodeURIComponent(caseId)}/checklists/${encodeURIComponent(checklistId)}`;
export const fetchCaseTicks = (caseId: string, checklistId: string) => http.get<CaseTicks>(ticksPath(caseId, checklistId));
export const saveCaseTicks = (caseId: string, checklistId: string, body: { itemIds: string[]; minor: boolean; acute: boolean; version: number }) =>
  http.put<CaseTicks>(ticksPath(caseId, checklistId), body);
