// The labelled data sets under ../shared/datasets, read by path and mapped to the matcher's record shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MatchRecord } from '../../src/matching/index.js';

export interface LabelledSet {
  readonly name: string;
  readonly records: readonly MatchRecord[];
  /** The true entity of each record, by index: records with equal entity are the same person. */
  readonly entities: readonly string[];
}

export interface SetSource {
  readonly name: string;
  load(): LabelledSet;
}

type Row = Record<string, string>;

function rows(path: string, options: { ltrim?: boolean; columns?: string[] } = {}): Row[] {
  const text = readFileSync(path, 'utf8');
  return parse(text, {
    columns: options.columns ?? true,
    from_line: options.columns ? 2 : 1,
    ltrim: options.ltrim ?? false,
    skip_empty_lines: true,
  }) as Row[];
}

const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

function compact(record: Record<string, string | undefined>): MatchRecord {
  const entries = Object.entries(record).filter(([, value]) => present(value) !== undefined);
  return Object.fromEntries(entries) as unknown as MatchRecord;
}

/** FEBRL: fields separated by ", "; rec-<n>-org / rec-<n>-dup-<k> share entity n (SOURCE.md). */
function febrl(root: string, file: string, name: string): SetSource {
  return {
    name,
    load: () => {
      const data = rows(join(root, 'febrl', file), { ltrim: true });
      return {
        name,
        records: data.map((row) =>
          compact({
            id: row.rec_id ?? '',
            firstName: row.given_name,
            lastName: row.surname,
            address1: [row.street_number, row.address_1].filter((part) => present(part)).join(' '),
            address2: row.address_2,
            city: row.suburb,
            postalCode: row.postcode,
            state: row.state,
            birthDate: row.date_of_birth,
            accountNumber: row.soc_sec_id,
          }),
        ),
        entities: data.map((row) => /^rec-(\d+)-/.exec(row.rec_id ?? '')?.[1] ?? `unlabelled-${row.rec_id}`),
      };
    },
  };
}

function splinkFake(root: string): SetSource {
  return {
    name: 'splink_fake_1000',
    load: () => {
      const data = rows(join(root, 'splink_fake_1000', 'fake_1000.csv'));
      return {
        name: 'splink_fake_1000',
        records: data.map((row) =>
          compact({ id: row.unique_id ?? '', firstName: row.first_name, lastName: row.surname, birthDate: row.dob, city: row.city, email: row.email }),
        ),
        entities: data.map((row) => row.cluster ?? ''),
      };
    },
  };
}

/** NCVR: five party files per corruption level; equal recid across files = one person. Header ignored (wrong in ocp_0). */
function ncvr(root: string, corruption: number): SetSource {
  const name = `ncvr_5party_5000 ocp_${corruption}`;
  return {
    name,
    load: () => {
      const records: MatchRecord[] = [];
      const entities: string[] = [];
      for (let party = 0; party < 5; party++) {
        const file = join(root, 'ncvr_5party_5000', `ncvr_numrec_5000_modrec_2_ocp_${corruption}_myp_${party}_nump_5.csv`);
        for (const row of rows(file, { columns: ['recid', 'givenname', 'surname', 'suburb', 'postcode'] })) {
          records.push(compact({ id: `${party}:${row.recid}`, firstName: row.givenname, lastName: row.surname, city: row.suburb, postalCode: row.postcode }));
          entities.push(row.recid ?? '');
        }
      }
      return { name, records, entities };
    },
  };
}

/** Historical persons: birth_place stands in for the city, postcode_fake for the postal code. */
function historical(root: string): SetSource {
  return {
    name: 'splink_historical_50k',
    load: () => {
      const data = rows(join(root, 'splink_historical_50k', 'historical_figures_with_errors_50k.csv'));
      return {
        name: 'splink_historical_50k',
        records: data.map((row) =>
          compact({
            id: row.unique_id ?? '',
            firstName: row.first_name,
            lastName: row.surname,
            birthDate: row.dob,
            city: row.birth_place,
            postalCode: row.postcode_fake,
          }),
        ),
        entities: data.map((row) => row.cluster ?? ''),
      };
    },
  };
}

export function labelledSets(root: string, includeLarge: boolean): SetSource[] {
  const sets = [
    febrl(root, 'dataset1.csv', 'febrl dataset1'),
    febrl(root, 'dataset2.csv', 'febrl dataset2'),
    febrl(root, 'dataset3.csv', 'febrl dataset3'),
    splinkFake(root),
    ncvr(root, 0),
    ncvr(root, 20),
    ncvr(root, 40),
  ];
  return includeLarge ? [...sets, historical(root)] : sets;
}
