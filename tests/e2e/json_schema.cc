#include "json_schema.h"

#include <regex>

namespace kaiji::e2e {
namespace {

bool has_type(const nlohmann::json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

class Checker {
 public:
  explicit Checker(const nlohmann::json& root) : root_(root) {}

  void check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& path) {
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"];
      check(root_.at(nlohmann::json::json_pointer(ref.substr(1))), value, path);
      return;
    }
    if (schema.contains("type")) {
      const auto& t = schema["type"];
      bool ok = false;
      if (t.is_array()) {
        for (const auto& one : t) ok = ok || has_type(value, one);
      } else {
        ok = has_type(value, t);
      }
      if (!ok) {
        errors.push_back(path + ": expected type " + t.dump() + ", got " + value.dump().substr(0, 60));
        return;
      }
    }
    if (schema.contains("enum")) {
      const auto& e = schema["enum"];
      if (std::find(e.begin(), e.end(), value) == e.end()) errors.push_back(path + ": " + value.dump() + " not in enum");
    }
    if (schema.contains("minimum") && value.is_number() && value.get<double>() < schema["minimum"].get<double>()) {
      errors.push_back(path + ": below minimum");
    }
    if (schema.contains("pattern") && value.is_string() &&
        !std::regex_search(value.get<std::string>(), std::regex(schema["pattern"].get<std::string>()))) {
      errors.push_back(path + ": does not match " + schema["pattern"].get<std::string>());
    }
    if (value.is_object()) check_object(schema, value, path);
    if (value.is_array()) {
      if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>()) {
        errors.push_back(path + ": too few items");
      }
      if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>()) {
        errors.push_back(path + ": too many items");
      }
      if (schema.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i) check(schema["items"], value[i], path + "/" + std::to_string(i));
      }
    }
  }

  std::vector<std::string> errors;

 private:
  void check_object(const nlohmann::json& schema, const nlohmann::json& value, const std::string& path) {
    for (const auto& name : schema.value("required", nlohmann::json::array())) {
      if (!value.contains(name.get<std::string>())) errors.push_back(path + ": missing " + name.get<std::string>());
    }
    const auto properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [key, child] : value.items()) {
      if (properties.contains(key)) {
        check(properties[key], child, path + "/" + key);
      } else if (schema.contains("additionalProperties")) {
        const auto& extra = schema["additionalProperties"];
        if (extra.is_boolean()) {
          if (!extra.get<bool>()) errors.push_back(path + ": unexpected field " + key);
        } else {
          check(extra, child, path + "/" + key);
        }
      }
    }
  }

  const nlohmann::json& root_;
};

}  // namespace

std::vector<std::string> schema_violations(const nlohmann::json& schema, const nlohmann::json& instance) {
  Checker checker(schema);
  checker.check(schema, instance, "");
  return checker.errors;
}

}  // namespace kaiji::e2e
