// The one header a program includes.
#pragma once

#include <oranet/connect_params.hpp>
#include <oranet/connection.hpp>
#include <oranet/convert.hpp>
#include <oranet/cursor.hpp>
#include <oranet/dbms_output.hpp>
#include <oranet/easy_connect.hpp>
#include <oranet/errc.hpp>
#include <oranet/error.hpp>
#include <oranet/lob.hpp>
#include <oranet/logging.hpp>
#include <oranet/probe.hpp>
#include <oranet/value.hpp>
#include <oranet/variable.hpp>
#include <oranet/version.hpp>
