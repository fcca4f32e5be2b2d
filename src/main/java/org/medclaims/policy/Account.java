package org.medclaims.policy;

/** A person's two personal accounts, as the ledger names the account an entry moved. */
public enum Account {

	/** 当年账户: credited month by month, emptied into the historical account at year end. */
	CURRENT,

	/** 历年账户: what earlier years left, which may also pay for bound relatives. */
	HISTORICAL

}
