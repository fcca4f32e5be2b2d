package org.medclaims.settlement;

import org.springframework.boot.test.context.SpringBootTest;

/** The generated scenario settled one household per transaction. */
@SpringBootTest(properties = "medclaims.settlement.chunk-size=1")
class SettlementChunkOfOneTests extends GeneratedScenarioSettlement {

}
