import { InitialSchema1764140000000 } from './1764140000000-initial-schema';
import { ClocksNotificationsCalendar1764150000000 } from './1764150000000-clocks-notifications-calendar';

/** Every migration, in order. Listed explicitly so the same list works from source and from dist. */
export const MIGRATIONS = [InitialSchema1764140000000, ClocksNotificationsCalendar1764150000000];
