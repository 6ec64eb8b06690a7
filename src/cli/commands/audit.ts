import { describeChain, verifyAuditChain } from '../../audit/verify.ts';
import { withDb } from '../context.ts';

/** `rightsdesk audit verify`: checks the chain of the audit trail; exits with 1 when it is broken. */
export const auditVerify = () =>
  withDb(async (db) => {
    const report = await verifyAuditChain(db);
    console.log(describeChain(report));
    if (report.brokenAt !== null) process.exitCode = 1;
  });
