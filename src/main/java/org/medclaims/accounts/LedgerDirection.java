package org.medclaims.accounts;

/** Which way a ledger entry moved money: into the account or out of it. */
public enum LedgerDirection {

	IN, OUT

}
