package org.medclaims.adhoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON body of interfaces.md into an {@link AdhocClaimInput}, noting every
 * member of the wrong JSON type and every unknown member (a typo must not silently drop a
 * value).
 */
final class AdhocClaimJson {

	private static final Set<String> CLAIM_MEMBERS = Set.of("claimNo", "hospital", "patientId", "patientName",
			"visitType", "startDate", "endDate", "diagnosisCode", "specialDiseaseCode", "reason", "registered",
			"lines");

	private static final Set<String> HOSPITAL_MEMBERS = Set.of("code", "name", "level", "region");

	private static final Set<String> LINE_MEMBERS = Set.of("itemCode", "itemName", "unitPrice", "quantity", "amount");

	private final List<FieldError> errors = new ArrayList<>();

	private AdhocClaimJson() {
	}

	/** The input and the type errors found; the validator adds the rest. */
	record Read(AdhocClaimInput input, List<FieldError> errors) {
	}

	static Read read(JsonNode root) {
		AdhocClaimJson json = new AdhocClaimJson();
		if (root == null || !root.isObject()) {
			json.errors.add(new FieldError("body", "The body must be a JSON object with the ad-hoc claim."));
			return new Read(null, json.errors);
		}
		return new Read(json.claim(root), json.errors);
	}

	private AdhocClaimInput claim(JsonNode root) {
		unknown(root, CLAIM_MEMBERS, "");
		JsonNode hospital = root.get("hospital");
		String code = null;
		String name = null;
		String level = null;
		String region = null;
		if (hospital != null && !hospital.isNull()) {
			if (hospital.isObject()) {
				unknown(hospital, HOSPITAL_MEMBERS, "hospital.");
				code = text(hospital, "code", "hospital.code");
				name = text(hospital, "name", "hospital.name");
				level = text(hospital, "level", "hospital.level");
				region = text(hospital, "region", "hospital.region");
			}
			else {
				this.errors.add(new FieldError("hospital", "must be an object with code, name, level and region"));
			}
		}
		Boolean registered = null;
		JsonNode flag = root.get("registered");
		if (flag != null && !flag.isNull()) {
			if (flag.isBoolean()) {
				registered = flag.booleanValue();
			}
			else {
				this.errors.add(new FieldError("registered", "must be true or false"));
			}
		}
		return new AdhocClaimInput(text(root, "claimNo", "claimNo"), code, name, level, region,
				text(root, "patientId", "patientId"), text(root, "patientName", "patientName"),
				text(root, "visitType", "visitType"), text(root, "startDate", "startDate"),
				text(root, "endDate", "endDate"), text(root, "diagnosisCode", "diagnosisCode"),
				text(root, "specialDiseaseCode", "specialDiseaseCode"), text(root, "reason", "reason"), registered,
				lines(root.get("lines")));
	}

	private List<AdhocClaimInput.Line> lines(JsonNode lines) {
		if (lines == null || lines.isNull()) {
			return null;
		}
		if (!lines.isArray()) {
			this.errors.add(new FieldError("lines", "must be a list of lines"));
			return null;
		}
		List<AdhocClaimInput.Line> read = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = lines.get(i);
			String prefix = "lines[" + i + "].";
			if (line == null || !line.isObject()) {
				this.errors.add(new FieldError("lines[" + i + "]",
						"must be an object with itemCode, itemName, unitPrice, quantity and amount"));
				read.add(null);
				continue;
			}
			unknown(line, LINE_MEMBERS, prefix);
			read.add(new AdhocClaimInput.Line(text(line, "itemCode", prefix + "itemCode"),
					text(line, "itemName", prefix + "itemName"), text(line, "unitPrice", prefix + "unitPrice"),
					text(line, "quantity", prefix + "quantity"), text(line, "amount", prefix + "amount")));
		}
		return read;
	}

	// values are strings, as interfaces.md writes them: "12.50", never the binary number
	// 12.5
	private String text(JsonNode parent, String member, String field) {
		JsonNode node = parent.get(member);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			this.errors.add(new FieldError(field, "must be a string (in quotes)"));
			return null;
		}
		return node.stringValue();
	}

	private void unknown(JsonNode object, Set<String> known, String prefix) {
		for (String name : object.propertyNames()) {
			if (!known.contains(name)) {
				this.errors.add(new FieldError(prefix + name, "is not a field of an ad-hoc claim"));
			}
		}
	}

}
