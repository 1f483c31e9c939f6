// Rule-based matching (spec §3.10) through the SDK on both backends, with the job runner and clock driven by
// the test: the rules' checks, PENDING → IN_PROGRESS → ACTIVE, matches and merges at the allowed levels,
// later writes matched too, ONE_TO_ONE against MANY_TO_MANY, both conflict models, ListRuleBasedMatches and
// GetSimilarProfiles for rule-based and machine-learning groups.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  DeleteProfileCommand,
  GetDomainCommand,
  GetSimilarProfilesCommand,
  ListRuleBasedMatchesCommand,
  SearchProfilesCommand,
  UpdateProfileCommand,
  UpdateDomainCommand,
  type CreateProfileCommandInput,
  type RuleBasedMatchingRequest,
} from '@aws-sdk/client-customer-profiles';
import { startIdentityResolutionJob } from '../../src/jobs/handlers/identity-resolution.js';
import { RULE_MATCHING, RULE_MATCHING_INTERVAL_MS } from '../../src/jobs/handlers/rule-matching.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessServer } from '../support/in-process-server.js';
import { rejectsWith } from '../support/errors.js';
import { putObject, putType } from '../support/objects.js';
import { DISTINCT, DUPLICATES } from './people.js';

const RULES: RuleBasedMatchingRequest = {
  Enabled: true,
  MatchingRules: [{ Rule: ['EmailAddress'] }, { Rule: ['FirstName', 'LastName', 'Address.City'] }, { Rule: ['LastName', 'BirthDate'] }],
  MaxAllowedRuleLevelForMatching: 2,
  MaxAllowedRuleLevelForMerging: 1,
  ConflictResolution: { ConflictResolvingModel: 'RECENCY' },
  ExportingConfig: { S3Exporting: { S3BucketName: 'rule-exports', S3KeyName: 'rules/' } },
};

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`rule-based matching on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    let offset = 0;
    const server = useInProcessServer(backend, () => new Date(Date.now() + offset));
    const client = () => server().client;
    // RULES export to 'rule-exports': the account's own keys for it (an endpoint nobody answers; the export is not under test here).
    before(() =>
      server().container.services.connectorProfiles.put(
        { accountId: server().container.config.accountId, region: server().container.config.region },
        { name: 'exports', type: 'S3', instanceUrl: 'http://127.0.0.1:9', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, buckets: ['rule-exports'] },
      ),
    );
    /** One second of the test's clock passes, so every write has its own time. */
    const tick = () => (offset += 1_000);
    /** Lets the rule job come due and runs what is due. */
    const runJobs = async () => {
      offset += RULE_MATCHING_INTERVAL_MS + 1_000;
      return server().container.jobs.runOnce();
    };
    const create = async (domain: string, fields: Omit<CreateProfileCommandInput, 'DomainName'>) => {
      tick();
      return (await client().send(new CreateProfileCommand({ DomainName: domain, ...fields }))).ProfileId!;
    };
    const status = async (domain: string) => (await client().send(new GetDomainCommand({ DomainName: domain }))).RuleBasedMatching?.Status;
    const matchIds = async (domain: string) => (await client().send(new ListRuleBasedMatchesCommand({ DomainName: domain }))).MatchIds ?? [];
    const similar = (domain: string, key: string, value: string, type: 'RULE_BASED_MATCHING' | 'ML_BASED_MATCHING' = 'RULE_BASED_MATCHING', more = {}) =>
      client().send(new GetSimilarProfilesCommand({ DomainName: domain, MatchType: type, SearchKey: key, SearchValue: value, ...more }));
    /** The domains of the rule-matching jobs still scheduled, one entry per job. */
    const pendingRuleJobs = async () => {
      const jobs = server().container.store.jobs;
      const due = await jobs.due(new Date(Date.now() + offset + 3_600_000), [RULE_MATCHING], 1_000);
      const records = await Promise.all(due.map((id) => jobs.get(id)));
      return records.map((job) => String((job?.payload as { domainName?: unknown }).domainName)).sort();
    };
    const byEmail = async (domain: string, email: string) =>
      (await client().send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items ?? [];

    test('rules the model allows but matching cannot use are a BadRequestException, and nothing is created', async () => {
      const cases: Array<[RuleBasedMatchingRequest, RegExp]> = [
        [{ Enabled: true }, /MatchingRules must hold at least one rule/],
        [{ Enabled: true, MatchingRules: [{ Rule: ['Email'] }] }, /MatchingRules\[0\]\.Rule\[0\] 'Email' is not a rule attribute/],
        [{ Enabled: true, MatchingRules: [{ Rule: ['Address.Street'] }] }, /'Address\.Street' is not a rule attribute/],
        [{ Enabled: true, MatchingRules: [{ Rule: ['FirstName', 'FirstName'] }] }, /Rule\[1\] repeats 'FirstName'/],
        [{ Enabled: true, MatchingRules: [{ Rule: ['FirstName'] }], MaxAllowedRuleLevelForMatching: 2 }, /MaxAllowedRuleLevelForMatching is 2, but there is 1 rule/],
        [
          { Enabled: true, MatchingRules: [{ Rule: ['FirstName'] }, { Rule: ['LastName'] }], MaxAllowedRuleLevelForMatching: 1, MaxAllowedRuleLevelForMerging: 2 },
          /MaxAllowedRuleLevelForMerging is 2, beyond the levels used for matching \(1\)/,
        ],
        [
          { Enabled: true, MatchingRules: [{ Rule: ['EmailAddress'] }], AttributeTypesSelector: { AttributeMatchingModel: 'ONE_TO_ONE', EmailAddress: ['PhoneNumber'] } },
          /AttributeTypesSelector\.EmailAddress\[0\] 'PhoneNumber' is not one of EmailAddress, BusinessEmailAddress, PersonalEmailAddress/,
        ],
        [{ Enabled: true, MatchingRules: [{ Rule: ['EmailAddress'] }], ConflictResolution: { ConflictResolvingModel: 'SOURCE' } }, /SourceName is required/],
      ];
      for (const [rules, message] of cases) {
        await rejectsWith(client().send(new CreateDomainCommand({ DomainName: 'refused', DefaultExpirationDays: 5, RuleBasedMatching: rules })), 'BadRequestException', 400, message);
      }
      const tooMany = { Enabled: true, MatchingRules: Array.from({ length: 16 }, () => ({ Rule: ['FirstName'] })) };
      await rejectsWith(client().send(new CreateDomainCommand({ DomainName: 'refused', DefaultExpirationDays: 5, RuleBasedMatching: tooMany })), 'BadRequestException', 400, /MatchingRules/);
      await rejectsWith(client().send(new GetDomainCommand({ DomainName: 'refused' })), 'ResourceNotFoundException', 404);

      await client().send(new CreateDomainCommand({ DomainName: 'kept', DefaultExpirationDays: 5 }));
      await rejectsWith(
        client().send(new UpdateDomainCommand({ DomainName: 'kept', DefaultExpirationDays: 9, RuleBasedMatching: { Enabled: true, MatchingRules: [{ Rule: ['Nope'] }] } })),
        'BadRequestException',
        400,
        /'Nope' is not a rule attribute/,
      );
      const kept = await client().send(new GetDomainCommand({ DomainName: 'kept' }));
      assert.equal(kept.DefaultExpirationDays, 5, 'a refused update changes nothing');
      assert.equal(kept.RuleBasedMatching, undefined);
    });

    test('enabling rules on a domain with duplicates: PENDING → IN_PROGRESS → ACTIVE, level 1 merged, level 2 matched, level 3 ignored', async () => {
      await client().send(new CreateDomainCommand({ DomainName: 'rules', DefaultExpirationDays: 30 }));
      const a1 = await create('rules', { FirstName: 'Ann', EmailAddress: 'ann@example.com', PhoneNumber: '+12065550001' });
      const a2 = await create('rules', { FirstName: 'Annie', LastName: 'Lee', EmailAddress: 'ANN@example.com' });
      const b1 = await create('rules', { FirstName: 'Bob', LastName: 'Stone', Address: { City: 'Seattle' }, EmailAddress: 'bob@one.com' });
      const b2 = await create('rules', { FirstName: 'bob', LastName: 'STONE', Address: { City: 'seattle' }, EmailAddress: 'bob@two.com' });
      const c1 = await create('rules', { FirstName: 'Cy', LastName: 'Moss', BirthDate: '1970-01-01' });
      await create('rules', { FirstName: 'Cyd', LastName: 'Moss', BirthDate: '1970-01-01' });
      await create('rules', { FirstName: 'Dee', EmailAddress: 'dee@example.com' });

      const updated = await client().send(new UpdateDomainCommand({ DomainName: 'rules', RuleBasedMatching: RULES }));
      const { Status, ...settings } = updated.RuleBasedMatching ?? {};
      assert.equal(Status, 'PENDING', 'an existing domain starts PENDING');
      assert.deepEqual(settings, RULES);
      assert.deepEqual(await matchIds('rules'), []);

      await runJobs();
      assert.equal(await status('rules'), 'ACTIVE');

      const annes = await byEmail('rules', 'ann@example.com');
      assert.equal(annes.length, 1, 'the level-1 duplicates were merged');
      const ann = annes[0]!;
      assert.equal(ann.ProfileId, a2, 'RECENCY keeps the most recently updated profile');
      assert.equal(ann.FirstName, 'Annie', 'the newer value wins a conflict');
      assert.equal(ann.PhoneNumber, '+12065550001', 'a field only the other profile had is kept');
      assert.ok(!(await byEmail('rules', 'ann@example.com')).some((profile) => profile.ProfileId === a1));

      const ids = await matchIds('rules');
      assert.equal(ids.length, 1, 'one group: the level-2 pair (the level-3 pair is beyond MaxAllowedRuleLevelForMatching)');
      const bob = await similar('rules', '_email', 'bob@one.com');
      assert.deepEqual(bob.ProfileIds, [b1, b2].sort());
      assert.equal(bob.MatchId, ids[0]);
      assert.equal(bob.MatchType, 'RULE_BASED_MATCHING');
      assert.equal(bob.RuleLevel, 2);
      assert.equal(bob.ConfidenceScore, undefined);
      assert.deepEqual((await similar('rules', '_matchId', ids[0]!)).ProfileIds, [b1, b2].sort(), 'a group is found by its MatchId too');
      await rejectsWith(similar('rules', '_profileId', c1), 'ResourceNotFoundException', 404, /No RULE_BASED_MATCHING match group/);
      await rejectsWith(similar('rules', '_email', 'nobody@example.com'), 'ResourceNotFoundException', 404, /No profile has _email/);

      assert.deepEqual(await pendingRuleJobs(), ['rules'], 'the job stays scheduled while the rules are enabled');
      await runJobs();
      assert.deepEqual(await matchIds('rules'), ids, 'with nothing written, nothing changes');
    });

    test('after ACTIVE, CreateProfile and PutProfileObject are matched and merged by the next run', async () => {
      const [groupId] = await matchIds('rules');
      const before = (await similar('rules', '_matchId', groupId!)).ProfileIds!;

      const a3 = await create('rules', { FirstName: 'Anne', EmailAddress: 'ann@example.com', BirthDate: '1990-02-03' });
      await putType(client(), 'rules', 'Crm', {
        Description: 'people from the CRM',
        AllowProfileCreation: true,
        Fields: {
          id: { Source: '_source.id' },
          email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' },
          first: { Source: '_source.first', Target: '_profile.FirstName', ContentType: 'NAME' },
          last: { Source: '_source.last', Target: '_profile.LastName', ContentType: 'NAME' },
          city: { Source: '_source.city', Target: '_profile.Address.City' },
        },
        Keys: { recordId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }], _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }] },
      });
      tick();
      await putObject(client(), 'rules', 'Crm', { id: 'r1', email: 'bob@three.com', first: 'Bob', last: 'Stone', city: 'Seattle' });
      const [b3] = await byEmail('rules', 'bob@three.com');

      await runJobs();
      const annes = await byEmail('rules', 'ann@example.com');
      assert.equal(annes.length, 1, 'the new profile was merged with the existing one');
      assert.equal(annes[0]!.ProfileId, a3, 'into the most recent one');
      assert.equal(annes[0]!.LastName, 'Lee');
      assert.equal(annes[0]!.BirthDate, '1990-02-03');

      const bob = await similar('rules', '_email', 'bob@three.com');
      assert.deepEqual(bob.ProfileIds, [...before, b3!.ProfileId!].sort(), 'the ingested profile joined the level-2 group');
      assert.equal(bob.RuleLevel, 2);
      const page = await similar('rules', '_email', 'bob@three.com', 'RULE_BASED_MATCHING', { MaxResults: 2 });
      assert.equal(page.ProfileIds!.length, 2);
      const rest = await similar('rules', '_email', 'bob@three.com', 'RULE_BASED_MATCHING', { MaxResults: 2, NextToken: page.NextToken });
      assert.deepEqual([...page.ProfileIds!, ...rest.ProfileIds!], bob.ProfileIds);
      assert.equal(rest.NextToken, undefined);

      tick();
      await client().send(new DeleteProfileCommand({ DomainName: 'rules', ProfileId: b3!.ProfileId! }));
      assert.deepEqual((await similar('rules', '_email', 'bob@one.com')).ProfileIds, before, 'a deleted profile leaves its group');

      tick();
      const b1 = (await byEmail('rules', 'bob@one.com'))[0]!.ProfileId;
      const [b2] = before.filter((id) => id !== b1);
      await client().send(new UpdateProfileCommand({ DomainName: 'rules', ProfileId: b2!, Address: { City: 'Tacoma' } }));
      await runJobs();
      assert.deepEqual(await matchIds('rules'), [], 'an update that breaks the only link splits the group');
      await rejectsWith(similar('rules', '_profileId', b2!), 'ResourceNotFoundException', 404);
    });

    test('a worker that dies mid-evaluation leaves the job to another once its lease runs out', async () => {
      await client().send(new CreateDomainCommand({ DomainName: 'lease', DefaultExpirationDays: 5 }));
      await create('lease', { EmailAddress: 'z@example.com' });
      await create('lease', { EmailAddress: 'Z@example.com' });
      await client().send(new UpdateDomainCommand({ DomainName: 'lease', RuleBasedMatching: { Enabled: true, MatchingRules: [{ Rule: ['EmailAddress'] }] } }));
      const jobs = server().container.store.jobs;
      const at = new Date(Date.now() + offset);
      const ids = await jobs.due(at, [RULE_MATCHING], 100);
      const mine = (await Promise.all(ids.map((id) => jobs.get(id)))).find((job) => (job?.payload as { domainName?: string }).domainName === 'lease')!;
      assert.ok(await jobs.claim(mine.id, 'dead-worker', at, new Date(at.getTime() + 60_000)));
      await runJobs();
      assert.equal(await status('lease'), 'PENDING', 'the lease still holds');
      offset += 60_000;
      await runJobs();
      assert.equal(await status('lease'), 'ACTIVE');
      assert.equal((await matchIds('lease')).length, 1);
      assert.equal(await jobs.finish(mine.id, 'dead-worker', new Date(Date.now() + offset)), false, "the dead worker's late outcome is ignored");
    });

    test('ONE_TO_ONE matches like members only; MANY_TO_MANY across the members the selector names', async () => {
      const rules = (model: 'ONE_TO_ONE' | 'MANY_TO_MANY'): RuleBasedMatchingRequest => ({
        Enabled: true,
        MatchingRules: [{ Rule: ['EmailAddress'] }],
        AttributeTypesSelector: { AttributeMatchingModel: model, EmailAddress: ['EmailAddress', 'BusinessEmailAddress'] },
      });
      const created = await client().send(new CreateDomainCommand({ DomainName: 'types', DefaultExpirationDays: 5, RuleBasedMatching: rules('ONE_TO_ONE') }));
      assert.equal(created.RuleBasedMatching?.Status, 'IN_PROGRESS', 'a new domain skips PENDING');
      const personal = await create('types', { EmailAddress: 'x@example.com' });
      const business = await create('types', { BusinessEmailAddress: 'X@example.com' });
      const workA = await create('types', { BusinessEmailAddress: 'y@example.com' });
      const workB = await create('types', { BusinessEmailAddress: 'y@example.com', FirstName: 'Y' });
      await create('types', { PersonalEmailAddress: 'x@example.com' });

      await runJobs();
      assert.equal(await status('types'), 'ACTIVE');
      assert.equal((await matchIds('types')).length, 1);
      assert.deepEqual((await similar('types', '_profileId', workA)).ProfileIds, [workA, workB].sort());
      await rejectsWith(similar('types', '_profileId', personal), 'ResourceNotFoundException', 404);

      const again = await client().send(new UpdateDomainCommand({ DomainName: 'types', RuleBasedMatching: rules('ONE_TO_ONE') }));
      assert.equal(again.RuleBasedMatching?.Status, 'ACTIVE', 'the same rules sent again keep their results');

      const changed = await client().send(new UpdateDomainCommand({ DomainName: 'types', RuleBasedMatching: rules('MANY_TO_MANY') }));
      assert.equal(changed.RuleBasedMatching?.Status, 'PENDING');
      assert.equal((await pendingRuleJobs()).filter((domain) => domain === 'types').length, 2);
      await runJobs();
      assert.equal(await status('types'), 'ACTIVE');
      assert.equal((await pendingRuleJobs()).filter((domain) => domain === 'types').length, 1, 'the new rules built; the old job ended');
      assert.equal((await matchIds('types')).length, 2);
      assert.deepEqual((await similar('types', '_profileId', personal)).ProfileIds, [personal, business].sort(), 'PersonalEmailAddress is not among the selected members');

      await client().send(new UpdateDomainCommand({ DomainName: 'types', RuleBasedMatching: { Enabled: false } }));
      assert.equal(await status('types'), undefined);
      assert.deepEqual(await matchIds('types'), [], 'disabling removes the rule-based matches');
      await runJobs();
      assert.ok(!(await pendingRuleJobs()).includes('types'), 'and ends the job');
    });

    test('ConflictResolution SOURCE keeps the values of the named object type; RECENCY the newest', async () => {
      const crm = {
        Description: 'CRM contacts',
        AllowProfileCreation: true,
        Fields: {
          id: { Source: '_source.id' },
          email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' as const },
          first: { Source: '_source.first', Target: '_profile.FirstName', ContentType: 'NAME' as const },
        },
        Keys: { recordId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }], _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }] },
      };
      const outcome: Record<string, { id: string; first: string; last?: string }> = {};
      for (const model of ['SOURCE', 'RECENCY'] as const) {
        const domain = `conflict-${model.toLowerCase()}`;
        await client().send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 5 }));
        await putType(client(), domain, 'Crm', crm);
        tick();
        await putObject(client(), domain, 'Crm', { id: 'c1', email: 'pat@example.com', first: 'Patricia' });
        const [fromCrm] = await byEmail(domain, 'pat@example.com');
        const manual = await create(domain, { EmailAddress: 'pat@example.com', FirstName: 'Pat', LastName: 'Doe' });
        await client().send(
          new UpdateDomainCommand({
            DomainName: domain,
            RuleBasedMatching: { Enabled: true, MatchingRules: [{ Rule: ['EmailAddress'] }], MaxAllowedRuleLevelForMerging: 1, ConflictResolution: { ConflictResolvingModel: model, SourceName: model === 'SOURCE' ? 'Crm' : undefined } },
          }),
        );
        await runJobs();
        const merged = await byEmail(domain, 'pat@example.com');
        assert.equal(merged.length, 1);
        outcome[model] = { id: merged[0]!.ProfileId!, first: merged[0]!.FirstName!, last: merged[0]!.LastName };
        assert.equal(outcome[model].id, model === 'SOURCE' ? fromCrm!.ProfileId : manual);
      }
      assert.deepEqual({ first: outcome['SOURCE']!.first, last: outcome['SOURCE']!.last }, { first: 'Patricia', last: 'Doe' });
      assert.deepEqual({ first: outcome['RECENCY']!.first, last: outcome['RECENCY']!.last }, { first: 'Pat', last: 'Doe' });
    });

    test('GetSimilarProfiles ML_BASED_MATCHING reads the groups of the latest identity-resolution job', async () => {
      await client().send(new CreateDomainCommand({ DomainName: 'ml', DefaultExpirationDays: 5 }));
      const ids: string[] = [];
      for (const fields of [...DISTINCT, ...DUPLICATES]) ids.push(await server().container.services.profiles.create({ accountId: '000000000000', region: 'us-east-1' }, 'ml', fields));
      await rejectsWith(similar('ml', '_profileId', ids[0]!, 'ML_BASED_MATCHING'), 'ResourceNotFoundException', 404, /No ML_BASED_MATCHING match group/);
      await startIdentityResolutionJob(server().container.store, { accountId: '000000000000', region: 'us-east-1' }, 'ml', new Date(Date.now() + offset));
      await server().container.jobs.runOnce();

      const found = await similar('ml', '_email', 'john.smith@example.com', 'ML_BASED_MATCHING');
      assert.deepEqual(found.ProfileIds, [ids[0]!, ids[DISTINCT.length]!].sort());
      assert.equal(found.MatchType, 'ML_BASED_MATCHING');
      assert.ok(found.ConfidenceScore! >= 0.9 && found.ConfidenceScore! <= 1, `score ${found.ConfidenceScore}`);
      assert.equal(found.RuleLevel, undefined);
      assert.match(found.MatchId!, /^[0-9a-f]{32}$/);
      const first = await similar('ml', '_matchId', found.MatchId!, 'ML_BASED_MATCHING', { MaxResults: 1 });
      const second = await similar('ml', '_matchId', found.MatchId!, 'ML_BASED_MATCHING', { MaxResults: 1, NextToken: first.NextToken });
      assert.deepEqual([...first.ProfileIds!, ...second.ProfileIds!], found.ProfileIds);
      await rejectsWith(similar('ml', '_matchId', found.MatchId!, 'ML_BASED_MATCHING', { NextToken: 'bogus' }), 'BadRequestException', 400);
      await rejectsWith(similar('ml', '_profileId', ids[1]!, 'RULE_BASED_MATCHING'), 'ResourceNotFoundException', 404);
      await rejectsWith(client().send(new ListRuleBasedMatchesCommand({ DomainName: 'nope' })), 'ResourceNotFoundException', 404, /Domain nope does not exist/);
    });
  });
}
