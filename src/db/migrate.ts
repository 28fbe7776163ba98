import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connection.js';

import * as m202611231400 from './migrations/202611231400_create_auth_and_audit.js';
import * as m202611231410 from './migrations/202611231410_create_helplines_and_contacts.js';
import * as m202611231500 from './migrations/202611231500_replace_rollups_with_dimension_counts.js';
import * as m202611231510 from './migrations/202611231510_guard_categories_instead_of_foreign_keys.js';
import * as m202611231520 from './migrations/202611231520_index_demo_contacts.js';
import * as m202611231530 from './migrations/202611231530_count_contacts_by_source.js';
import * as m202611231600 from './migrations/202611231600_check_contact_themes_per_statement.js';
import * as m202611231610 from './migrations/202611231610_count_contacts_in_one_pass.js';
import * as m202611231620 from './migrations/202611231620_summary_retention.js';
import * as m202612010200 from './migrations/202612010200_imports_load_in_steps.js';
import * as m202612010300 from './migrations/202612010300_create_login_throttle.js';
import * as m202612010400 from './migrations/202612010400_create_second_factors.js';
import * as m202612010500 from './migrations/202612010500_small_cell_threshold.js';
import * as m202612010700 from './migrations/202612010700_contact_list_and_search.js';
import * as m202612010800 from './migrations/202612010800_user_management.js';
import * as m202612011000 from './migrations/202612011000_create_passkeys.js';
import * as m202612011100 from './migrations/202612011100_create_rate_limit_hits.js';
import * as m202612011300 from './migrations/202612011300_index_lists_by_their_order.js';
import * as m202612011310 from './migrations/202612011310_count_fold_generation.js';
import * as m202612011400 from './migrations/202612011400_count_contacts_by_day.js';
import * as m202612011500 from './migrations/202612011500_create_import_jobs.js';
import * as m202612021200 from './migrations/202612021200_create_cases.js';
import * as m202612021300 from './migrations/202612021300_case_consent_and_person.js';
import * as m202612021400 from './migrations/202612021400_create_case_referrals.js';
import * as m202612021500 from './migrations/202612021500_create_case_activities.js';
import * as m202612021600 from './migrations/202612021600_case_protection_and_mail.js';
import * as m202612021700 from './migrations/202612021700_case_anonymisation.js';
import * as m202612021800 from './migrations/202612021800_create_case_tasks.js';
import * as m202612021900 from './migrations/202612021900_case_activity_categories.js';
import * as m202612022000 from './migrations/202612022000_create_directory.js';
import * as m202612030900 from './migrations/202612030900_directory_search.js';
import * as m202612031000 from './migrations/202612031000_case_checklist_ticks.js';
import * as m202612031100 from './migrations/202612031100_referral_directory_service.js';
import * as m202612031200 from './migrations/202612031200_directory_search_in_memory.js';
import * as m202612040900 from './migrations/202612040900_directory_card_weekly_hours.js';

// Listed explicitly (not read from disk) so the same code runs from source, tests and bundles.
const migrations: Record<string, Migration> = {
  '202611231400_create_auth_and_audit': m202611231400,
  '202611231410_create_helplines_and_contacts': m202611231410,
  '202611231500_replace_rollups_with_dimension_counts': m202611231500,
  '202611231510_guard_categories_instead_of_foreign_keys': m202611231510,
  '202611231520_index_demo_contacts': m202611231520,
  '202611231530_count_contacts_by_source': m202611231530,
  '202611231600_check_contact_themes_per_statement': m202611231600,
  '202611231610_count_contacts_in_one_pass': m202611231610,
  '202611231620_summary_retention': m202611231620,
  '202612010200_imports_load_in_steps': m202612010200,
  '202612010500_small_cell_threshold': m202612010500,
  '202612010300_create_login_throttle': m202612010300,
  '202612010400_create_second_factors': m202612010400,
  '202612010700_contact_list_and_search': m202612010700,
  '202612010800_user_management': m202612010800,
  '202612011000_create_passkeys': m202612011000,
  '202612011100_create_rate_limit_hits': m202612011100,
  '202612011300_index_lists_by_their_order': m202612011300,
  '202612011310_count_fold_generation': m202612011310,
  '202612011400_count_contacts_by_day': m202612011400,
  '202612011500_create_import_jobs': m202612011500,
  '202612021200_create_cases': m202612021200,
  '202612021300_case_consent_and_person': m202612021300,
  '202612021400_create_case_referrals': m202612021400,
  '202612021500_create_case_activities': m202612021500,
  '202612021600_case_protection_and_mail': m202612021600,
  '202612021700_case_anonymisation': m202612021700,
  '202612021800_create_case_tasks': m202612021800,
  '202612021900_case_activity_categories': m202612021900,
  '202612022000_create_directory': m202612022000,
  '202612030900_directory_search': m202612030900,
  '202612031000_case_checklist_ticks': m202612031000,
  '202612031100_referral_directory_service': m202612031100,
  '202612031200_directory_search_in_memory': m202612031200,
  '202612040900_directory_card_weekly_hours': m202612040900,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
