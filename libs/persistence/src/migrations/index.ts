import { InitialSchema1764140000000 } from './1764140000000-initial-schema';
import { ClocksNotificationsCalendar1764150000000 } from './1764150000000-clocks-notifications-calendar';
import { CaseListIndexes1764160000000 } from './1764160000000-case-list-indexes';
import { CaseAnonymous1764170000000 } from './1764170000000-case-anonymous';
import { CaseGroupSize1764180000000 } from './1764180000000-case-group-size';
import { PartyVault1764190000000 } from './1764190000000-party-vault';
import { CaseTracking1764200000000 } from './1764200000000-case-tracking';
import { CaseAttachments1764210000000 } from './1764210000000-case-attachments';
import { AgenciesUsers1764220000000 } from './1764220000000-agencies-users';
import { MonitoringIndexes1764230000000 } from './1764230000000-monitoring-indexes';
import { UserEmailDelivery1764240000000 } from './1764240000000-user-email-delivery';
import { CaseSearch1764250000000 } from './1764250000000-case-search';
import { CasePriorityFlags1764260000000 } from './1764260000000-case-priority-flags';
import { IntakeScreening1764270000000 } from './1764270000000-intake-screening';
import { PeriodicReports1764280000000 } from './1764280000000-periodic-reports';
import { NationalExport1764290000000 } from './1764290000000-national-export';
import { DailyDigest1764290000001 } from './1764290000001-daily-digest';
import { TrackingSecretTag1764300000000 } from './1764300000000-tracking-secret-tag';

/** Every migration, in order. Listed explicitly so the same list works from source and from dist. */
export const MIGRATIONS = [InitialSchema1764140000000, ClocksNotificationsCalendar1764150000000, CaseListIndexes1764160000000, CaseAnonymous1764170000000, CaseGroupSize1764180000000, PartyVault1764190000000, CaseTracking1764200000000, CaseAttachments1764210000000, AgenciesUsers1764220000000, MonitoringIndexes1764230000000, UserEmailDelivery1764240000000, CaseSearch1764250000000, CasePriorityFlags1764260000000, IntakeScreening1764270000000, PeriodicReports1764280000000, NationalExport1764290000000, DailyDigest1764290000001, TrackingSecretTag1764300000000];
