package org.medclaims.policy;

import java.util.Objects;

/**
 * Every amount of a valued claim, with the names of claim-files.md.
 *
 * @param selfPay 自费
 * @param selfPayFirst 自理 (including the ad-hoc first self-pay)
 * @param deductible 起付标准 (inpatient)
 * @param segment 门诊自负段 (outpatient)
 * @param coinsurance 共付段个人负担
 * @param overCap 超封顶
 * @param fund 统筹基金
 * @param currentAccount 当年账户
 * @param historicalAccount the patient's own 历年账户
 * @param familyAccount 亲属历年账户, all grantors together
 * @param cash 现金
 */
public record Amounts(Money total, Money selfPay, Money selfPayFirst, Money deductible, Money segment,
		Money coinsurance, Money overCap, Money fund, Money currentAccount, Money historicalAccount,
		Money familyAccount, Money cash) {

	public Amounts {
		for (Money amount : new Money[] { total, selfPay, selfPayFirst, deductible, segment, coinsurance, overCap, fund,
				currentAccount, historicalAccount, familyAccount, cash }) {
			Objects.requireNonNull(amount, "amount");
		}
	}

	/** A rejected claim: its total and zeros elsewhere. */
	public static Amounts rejected(Money total) {
		Money zero = Money.ZERO;
		return new Amounts(total, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero);
	}

	/**
	 * Both balance identities of policy.md: who pays, and why the patient's part is what
	 * it is.
	 */
	public boolean balances() {
		long paid = this.fund.fen() + this.currentAccount.fen() + this.historicalAccount.fen()
				+ this.familyAccount.fen() + this.cash.fen();
		long explained = this.selfPay.fen() + this.selfPayFirst.fen() + this.deductible.fen() + this.segment.fen()
				+ this.coinsurance.fen() + this.overCap.fen() + this.fund.fen() + this.currentAccount.fen();
		return this.total.fen() == paid && this.total.fen() == explained;
	}

	/** The accounts' part: 当年 + 历年 + 亲属历年. */
	public Money accounts() {
		return this.currentAccount.plus(this.historicalAccount).plus(this.familyAccount);
	}

}
