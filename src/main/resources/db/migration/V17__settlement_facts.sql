-- Settlement stores facts, not sentences (issue 14): the explanation is rendered from them when asked.
-- facts: SettlementFacts' compact form (about 20 bytes); NULL for a rejected claim.
-- detail: the JSON sentences of rows settled before; read as written where facts is NULL, no longer written.
ALTER TABLE settlement ADD COLUMN facts TEXT;
