package org.medclaims.settlement;

/** Which account a ledger entry moved money out of. */
public enum LedgerKind {

	/** 当年账户: the patient's current-year account. */
	CURRENT,

	/** 历年账户: the patient's own historical account. */
	HISTORICAL,

	/** 亲属历年账户: a grantor's historical account paying for a bound relative. */
	FAMILY

}
