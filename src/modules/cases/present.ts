import type { CaseListItem, CaseResponse } from '../../shared/schemas/cases.js';
import type { CaseWithOwner } from './queries.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** A case as a list shows it: no free text. */
export function presentCaseListItem(row: CaseWithOwner): CaseListItem {
  return {
    id: row.id,
    helplineId: row.helpline_id,
    userGroup: row.user_group as CaseResponse['userGroup'],
    pseudonym: row.pseudonym,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    status: row.status as CaseResponse['status'],
    closeReason: row.close_reason as CaseResponse['closeReason'],
    timeLimit: row.time_limit,
    openedAt: iso(row.opened_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

/** A case as its page shows it, with the close outcome and the linked contacts. */
export function presentCase(row: CaseWithOwner, contactIds: string[]): CaseResponse {
  return { ...presentCaseListItem(row), closeOutcome: row.close_outcome, contactIds };
}
