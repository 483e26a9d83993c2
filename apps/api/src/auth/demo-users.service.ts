import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { ROLES, type Role } from '@donthu/domain';
import { AgencyEntity, UserEntity } from '@donthu/persistence';

export const DEMO_PASSWORD_DEFAULT = 'donthu-demo';

/** Which roles make sense at which kind of agency (an inspector sits in an inspectorate). */
function demoRolesFor(level: string): Role[] {
  if (level === 'inspectorate') return ['inspector', 'superior_inspector'];
  // The Government's head too: the superior head the escalation ladder reaches for a province's cases (legal-rules.md §6).
  if (level === 'government') return ['admin', 'auditor', 'agency_head'];
  return ROLES.filter((r) => !['inspector', 'superior_inspector', 'admin', 'auditor', 'citizen'].includes(r));
}

export const demoUsername = (role: Role, agencyCode: string) => `demo.${role}.${agencyCode}`;

/**
 * With DEMO_USERS=1 (npm start, tests), one account per role and agency of the sample province,
 * all with the demo password; never in production.
 */
@Injectable()
export class DemoUsers implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoUsers.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.DEMO_USERS !== '1') return;
    if (process.env.NODE_ENV === 'production') throw new Error('DEMO_USERS must not be enabled in production');
    const password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT;
    const agencies = await this.dataSource.getRepository(AgencyEntity).find();
    const passwordHash = await argon2.hash(password); // one hash for every demo account: start-up stays fast
    const rows = agencies.flatMap((a) =>
      demoRolesFor(a.level).map((role) => ({
        id: demoUsername(role, a.code),
        username: demoUsername(role, a.code),
        displayName: `Demo ${role} ${a.code}`,
        passwordHash,
        role,
        agencyCode: a.code,
        email: `${demoUsername(role, a.code)}@example.invalid`, // RFC 2606: never a real mailbox
      })),
    );
    await this.dataSource.createQueryBuilder().insert().into(UserEntity).values(rows).orIgnore().execute();
    // Demo accounts made before users had e-mail addresses get theirs (an address set since is kept).
    await this.dataSource.query(`UPDATE users SET email = username || '@example.invalid' WHERE id = ANY($1) AND email IS NULL`, [rows.map((r) => r.id)]);
    this.logger.log({ users: rows.length }, `demo users ready: log in as demo.<role>.<agency>, e.g. ${demoUsername('agency_head', 'UBND-HN')}, password from DEMO_PASSWORD`);
  }
}
