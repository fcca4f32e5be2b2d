package org.medclaims.adhoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Ad-hoc claim bodies as clerks send them, built as maps so tests can spoil any field.
 */
final class AdhocRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AdhocRequests() {
	}

	static Map<String, Object> claim(String claimNo, String hospitalCode, String patientId, String visitType,
			String endDate, Map<String, Object>... lines) {
		Map<String, Object> hospital = new LinkedHashMap<>();
		hospital.put("code", hospitalCode);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("claimNo", claimNo);
		body.put("hospital", hospital);
		body.put("patientId", patientId);
		body.put("patientName", "病人");
		body.put("visitType", visitType);
		body.put("startDate", endDate);
		body.put("endDate", endDate);
		body.put("diagnosisCode", "K35.9");
		body.put("specialDiseaseCode", null);
		body.put("reason", "EMERGENCY");
		body.put("registered", false);
		body.put("lines", new ArrayList<>(List.of(lines)));
		return body;
	}

	static Map<String, Object> line(String itemCode, String unitPrice, String quantity, String amount) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("itemCode", itemCode);
		line.put("itemName", "项目 " + itemCode);
		line.put("unitPrice", unitPrice);
		line.put("quantity", quantity);
		line.put("amount", amount);
		return line;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> hospital(Map<String, Object> claim) {
		return (Map<String, Object>) claim.get("hospital");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> line(Map<String, Object> claim, int index) {
		return ((List<Map<String, Object>>) claim.get("lines")).get(index);
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
