package org.medclaims.settlement;

import org.springframework.boot.test.context.SpringBootTest;

/** The generated scenario settled by two partitions on two threads. */
@SpringBootTest(properties = { "medclaims.settlement.partitions=2", "medclaims.settlement.chunk-size=50" })
class SettlementTwoPartitionsTests extends GeneratedScenarioSettlement {

}
