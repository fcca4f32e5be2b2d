-- Claims, claim lines, settlements and ledger entries are written in bulk (COPY) only by intake and settlement,
-- in the transaction that stages or locks the rows they refer to, and nothing is ever deleted. Their foreign
-- keys checked every row again through a trigger: 40% of the claims' COPY, 72% of the claim lines', 37% of the
-- settlements', 73% of the ledger's (bench/RESULTS.md). verify-ledger (LedgerCheck.ORPHANS) proves the
-- references instead.
ALTER TABLE claim DROP CONSTRAINT claim_file_id_fkey;
ALTER TABLE claim_line DROP CONSTRAINT claim_line_claim_id_fkey;
ALTER TABLE settlement DROP CONSTRAINT settlement_claim_id_fkey;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_claim_id_fkey;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_person_id_fkey;
