package org.medclaims.settlement;

import org.springframework.boot.test.context.SpringBootTest;

/** The generated scenario settled 500 households per transaction. */
@SpringBootTest(properties = "medclaims.settlement.chunk-size=500")
class SettlementChunkOf500Tests extends GeneratedScenarioSettlement {

}
